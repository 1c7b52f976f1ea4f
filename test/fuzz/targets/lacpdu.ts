/**
 * LACPDUs from a bond member's partner (apps/bond): the bytes after the Ethernet header of a
 * Slow Protocols frame → decodeLacpdu (the control-path form of parseLacpdu); a LACPDU that
 * parses is fed to a member's LACP machines and selection, as the bond does.
 *
 * Survives: only LacpduParseError escapes, naming the field (`lacpdu: actor_info_length ...`);
 * parseLacpdu reads nothing outside the bytes it is given (same answer with different bytes
 * around them); the machines keep their invariants (a member carries traffic only when it
 * is attached and its partner is in sync; the actor's system and key never change).
 */
import assert from 'node:assert/strict';
import { decodeLacpdu, parseLacpdu, Lacpdu, LacpduParseError, LacpInfo, buildLacpdu, LACPDU_LEN } from '../../../src/lib/proto/lacp.js';
import { LacpMember, selectAggregator } from '../../../src/apps/bond/lacp.js';
import { documented, type FuzzTarget } from '../harness/target.js';

const SETTINGS = { active: true, fast: true, system: 0x025e00000001, systemPriority: 65534, key: 33, portPriority: 65535 };

function run(data: Uint8Array): void {
  // In place inside a larger buffer, twice with different surroundings: the same verdict.
  const verdicts = [0x00, 0xff].map((fill) => {
    const buf = new Uint8Array(data.length + 64).fill(fill);
    buf.set(data, 32);
    const out = new Lacpdu();
    const code = parseLacpdu(buf, 32, data.length, out);
    return JSON.stringify([code, out]);
  });
  assert.equal(verdicts[0], verdicts[1], 'parseLacpdu read outside the LACPDU');
  const pdu = decodeLacpdu(data);
  const members = [new LacpMember(SETTINGS, 1), new LacpMember(SETTINGS, 2)];
  const now = 1_000_000;
  for (const m of members) { m.expire(now, true); m.receive(pdu, now); }
  selectAggregator(members);
  for (const m of members) {
    if (m.mayEnable) assert.ok(m.attached && m.partnerInSync, 'enabled without being attached and in sync');
    assert.equal(m.actor.system, SETTINGS.system);
    assert.equal(m.actor.key, SETTINGS.key);
    m.shouldTransmit(now);
    m.expire(now + 10_000, true);
    m.expire(now + 20_000, true);
    assert.equal(m.mayEnable, false, 'still enabled after the partner went quiet');
  }
}

function seed(partnerKnowsUs: boolean, state: number): Uint8Array {
  const actor = new LacpInfo();
  actor.systemPriority = 65535; actor.system = 0x525400000b01; actor.key = 9; actor.portPriority = 255; actor.port = 1; actor.state = state;
  const partner = new LacpInfo();
  if (partnerKnowsUs) { partner.systemPriority = 65534; partner.system = SETTINGS.system; partner.key = 33; partner.portPriority = 65535; partner.port = 1; partner.state = 0x3f; }
  const f = new Uint8Array(14 + LACPDU_LEN);
  buildLacpdu(f, 0, actor.system, actor, partner);
  return f.subarray(14);
}

export const target: FuzzTarget = {
  name: 'lacpdu',
  covers: ['/src/lib/proto/lacp', '/src/apps/bond/lacp'],
  maxLen: 160,
  dict: [new Uint8Array([1, 1, 1, 20]), new Uint8Array([2, 20]), new Uint8Array([3, 16]), new Uint8Array([0x02, 0x5e, 0, 0, 0, 1]), new Uint8Array([0x3f]), new Uint8Array([0x47])],
  seeds: () => [seed(true, 0x3f), seed(false, 0x47), seed(true, 0x0d), seed(true, 0x3d)],
  run,
  expected: documented(LacpduParseError, /^lacpdu: [a-z_]+ /),
};
