/**
 * LACP of the daemon's bonds: `sluice lacp show [BOND]`, as `ovs-appctl lacp/show`; -j / -p for JSON.
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, EXIT } from '../client.js';

interface Info { systemId: string; systemPriority: number; portId: number; portPriority: number; key: number; state: number; stateWords: string }
interface MemberView { name: string; status: string; attached: boolean; mayEnable: boolean; rxPdus: number; txPdus: number; rxMarkers: number; txMarkerResponses: number; errors: Record<string, number>; actor: Info; partner: Info }
export interface LacpView { name: string; lacp: string; status: string; lacpFallbackAb: boolean; fallingBack: boolean; systemId: string; systemPriority: number; key: number; lacpTime: string; members: MemberView[] }

/** The text of ovs-appctl lacp/show for one bond. */
export function lacpText(b: LacpView): string {
  const lines = [`---- ${b.name} ----`, `  status: ${b.lacp}${b.status === 'negotiated' ? ' negotiated' : ''}`, `  sys_id: ${b.systemId}`,
    `  sys_priority: ${b.systemPriority}`, `  aggregation key: ${b.key}`, `  lacp_time: ${b.lacpTime}`,
    `  lacp_fallback_ab: ${b.lacpFallbackAb}${b.fallingBack ? ' (no partner: the bond runs active-backup)' : ''}`];
  for (const m of b.members) {
    lines.push('', `member: ${m.name}: ${m.status} ${m.attached ? 'attached' : 'detached'}`, `  port_id: ${m.actor.portId}`,
      `  port_priority: ${m.actor.portPriority}`, `  may_enable: ${m.mayEnable}`, `  lacpdus: rx ${m.rxPdus}, tx ${m.txPdus}` +
      (Object.keys(m.errors).length ? `, refused ${Object.entries(m.errors).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''),
      `  markers: rx ${m.rxMarkers}, responses tx ${m.txMarkerResponses}`, '');
    for (const [side, i] of [['actor', m.actor], ['partner', m.partner]] as const) {
      lines.push(`  ${side} sys_id: ${i.systemId}`, `  ${side} sys_priority: ${i.systemPriority}`, `  ${side} port_id: ${i.portId}`,
        `  ${side} port_priority: ${i.portPriority}`, `  ${side} key: ${i.key}`, `  ${side} state: ${i.stateWords}`);
      if (side === 'actor') lines.push('');
    }
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  return sub('lacp', parseGlobal(argv), {
    show: async (g, w) => {
      if (w.length > 1) throw new UsageError(usage('lacp', 'show'));
      const r = await request<LacpView[]>(g, 'lacp.show', w[0] !== undefined ? { name: w[0] } : {});
      output(g, r, (x: LacpView[]) => x.map(lacpText).join('\n\n'));
      return EXIT.OK;
    },
  }, 'show');
}
