/**
 * Bonds of the running daemon (ports of kind bond, apps/bond):
 *   `sluice bond show [BOND]`                    as `ovs-appctl bond/show`; -j / -p for JSON
 *   `sluice bond enable-member BOND MEMBER`      as `ovs-appctl bond/enable-member`
 *   `sluice bond disable-member BOND MEMBER`     as `ovs-appctl bond/disable-member` (not kept in the state)
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, EXIT } from '../client.js';

interface BondMemberView { name: string; enabled: boolean; adminDown: boolean; mayEnable: boolean; active: boolean; buckets: number; hashes: { bucket: number; bytes: number }[]; rxDropped: number }
export interface BondView { name: string; mode: string; lacpStatus: string; primary: string | null; activeMember: string | null; activeChanges: number; bucketMoves: number; members: BondMemberView[] }

/** The text of ovs-appctl bond/show for one bond. */
export function bondText(b: BondView): string {
  const lines = [`---- ${b.name} ----`, `bond_mode: ${b.mode}`, `lacp_status: ${b.lacpStatus}`, `active-backup primary: ${b.primary ?? '<none>'}`,
    `active member: ${b.activeMember ?? '<none>'}`, `active member changes: ${b.activeChanges}`, `bucket moves: ${b.bucketMoves}`];
  for (const m of b.members) {
    lines.push('', `member ${m.name}: ${m.enabled ? 'enabled' : 'disabled'}`);
    if (m.active) lines.push('  active member');
    lines.push(`  may_enable: ${m.mayEnable}`);
    if (m.adminDown) lines.push('  disabled by hand (bond enable-member brings it back)');
    if (b.mode !== 'active-backup') lines.push(`  buckets: ${m.buckets}`);
    for (const h of m.hashes) lines.push(`  hash ${h.bucket}: ${Math.ceil(h.bytes / 1024)} kB load`);
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
    'enable-member': member(true),
    'disable-member': member(false),
  }, 'show');
}
