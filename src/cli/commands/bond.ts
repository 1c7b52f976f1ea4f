/**
 * Bonds of the running daemon (ports of kind bond, apps/bond):
 *   `sluice bond show [BOND]`                    as `ovs-appctl bond/show`; -j / -p for JSON
 *   `sluice bond enable-member BOND MEMBER`      as `ovs-appctl bond/enable-member`
 *   `sluice bond disable-member BOND MEMBER`     as `ovs-appctl bond/disable-member` (not kept in the state)
 *   `sluice bond rebalance BOND`                 a load rebalance now (OVS does one every bond-rebalance-interval)
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, EXIT } from '../client.js';

interface BondMemberView {
  name: string; enabled: boolean; adminDown: boolean; mayEnable: boolean; delay: { kind: string; expiresIn: number } | null; active: boolean;
  buckets: number; load: number; hashes: { bucket: number; bytes: number }[]; rxDropped: number;
}
export interface BondView {
  name: string; mode: string; lacpStatus: string; lacpFallbackAb: boolean; fallingBack: boolean; updelay: number; downdelay: number;
  rebalanceInterval: number; nextRebalance: number | null; primary: string | null; activeMember: string | null;
  activeChanges: number; bucketMoves: number; loadMoves: number; rebalances: number; members: BondMemberView[];
}

/** The text of ovs-appctl bond/show for one bond. */
export function bondText(b: BondView): string {
  const lines = [`---- ${b.name} ----`, `bond_mode: ${b.mode}${b.fallingBack ? ' (active-backup: LACP has no partner, lacp_fallback_ab)' : ''}`,
    `updelay: ${b.updelay} ms`, `downdelay: ${b.downdelay} ms`];
  if (b.nextRebalance !== null) lines.push(`next rebalance: ${b.nextRebalance} ms`);
  lines.push(`lacp_status: ${b.lacpStatus}`, `lacp_fallback_ab: ${b.lacpFallbackAb}`, `active-backup primary: ${b.primary ?? '<none>'}`,
    `active member: ${b.activeMember ?? '<none>'}`, `active member changes: ${b.activeChanges}`,
    `bucket moves: ${b.bucketMoves} (${b.loadMoves} by ${b.rebalances} load rebalances)`);
  for (const m of b.members) {
    lines.push('', `member ${m.name}: ${m.enabled ? 'enabled' : 'disabled'}`);
    if (m.active) lines.push('  active member');
    if (m.delay) lines.push(`  ${m.delay.kind} expires in ${m.delay.expiresIn} ms`);
    lines.push(`  may_enable: ${m.mayEnable}`);
    if (m.adminDown) lines.push('  disabled by hand (bond enable-member brings it back)');
    if (b.mode === 'active-backup') continue;
    lines.push(`  buckets: ${m.buckets}, load ${Math.floor(m.load / 1024)} kB`);
    // As OVS: the hashes this member sends, with at least 1 kB of (decaying) load.
    for (const h of m.hashes) if (h.bytes >= 1024) lines.push(`  hash ${h.bucket}: ${Math.floor(h.bytes / 1024)} kB load`);
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const member = (enabled: boolean) => async (g: ReturnType<typeof parseGlobal>, w: string[]) => {
    if (w.length !== 2) throw new UsageError(usage('bond', enabled ? 'enable-member' : 'disable-member'));
    const r = await request(g, 'bond.member', { bond: w[0], member: w[1], enabled });
    output(g, r, () => `${enabled ? 'enabled' : 'disabled'} member ${w[1]} of bond ${w[0]}`);
    return EXIT.OK;
  };
  return sub('bond', parseGlobal(argv), {
    show: async (g, w) => {
      if (w.length > 1) throw new UsageError(usage('bond', 'show'));
      const r = await request<BondView[]>(g, 'bond.show', w[0] !== undefined ? { name: w[0] } : {});
      output(g, r, (x: BondView[]) => x.map(bondText).join('\n\n'));
      return EXIT.OK;
    },
    rebalance: async (g, w) => {
      if (w.length !== 1) throw new UsageError(usage('bond', 'rebalance'));
      const r = await request<{ moved: number }>(g, 'bond.rebalance', { bond: w[0] });
      output(g, r, (x: { moved: number }) => `bond ${w[0]}: ${x.moved} hash bucket${x.moved === 1 ? '' : 's'} moved`);
      return EXIT.OK;
    },
    'enable-member': member(true),
    'disable-member': member(false),
  }, 'show');
}
