/**
 * LACPDUs and Marker PDUs from a bond member's partner (apps/bond): the bytes after the
 * Ethernet header of a Slow Protocols frame → by subtype, decodeLacpdu (the control-path form
 * of parseLacpdu; a LACPDU that parses is fed to a member's LACP machines and selection, as
 * the bond does) or decodeMarker (parseMarker; a marker request that parses is turned into
 * its response in place, as the bond answers it).
 *
 * Survives: only LacpduParseError escapes, naming the field (`lacpdu: actor_info_length ...`);
 * parseLacpdu reads nothing outside the bytes it is given (same answer with different bytes
 * around them); the machines keep their invariants (a member carries traffic only when it
 * is attached and its partner is in sync; the actor's system and key never change); a marker
 * response carries the request's port, system and transaction ID, TLV type 2, and nothing
 * past the frame is written.
 */
import assert from 'node:assert/strict';
import {
  decodeLacpdu, decodeMarker, parseLacpdu, parseMarker, markerToResponse, Lacpdu, LacpduParseError, LacpInfo, buildLacpdu,
  LACPDU_LEN, LACPDU_FRAME_LEN, MARKER_SUBTYPE,
} from '../../../src/lib/proto/lacp.js';
import { LacpMember, selectAggregator } from '../../../src/apps/bond/lacp.js';
import { documented, type FuzzTarget } from '../harness/target.js';

const SETTINGS = { active: true, fast: true, system: 0x025e00000001, systemPriority: 65534, key: 33, portPriority: 65535 };

function runMarker(data: Uint8Array): void {
  const verdicts = [0x00, 0xff].map((fill) => {
    const buf = new Uint8Array(data.length + 64).fill(fill);
    buf.set(data, 32);
    return parseMarker(buf, 32, data.length);
  });
  assert.equal(verdicts[0], verdicts[1], 'parseMarker read outside the marker PDU');
  const req = decodeMarker(data);
  // The response is written in place over the request's frame; bytes past it stay as they were.
  const frame = new Uint8Array(14 + data.length + 16).fill(0xee);
  frame.set(data, 14);
  assert.equal(markerToResponse(frame, 0, 0x025e00000001), LACPDU_FRAME_LEN);
  assert.ok(frame.subarray(14 + data.length).every((b) => b === 0xee), 'markerToResponse wrote past the frame');
  const resp = decodeMarker(frame.subarray(14, LACPDU_FRAME_LEN));
  assert.deepEqual(resp, { ...req, tlvType: 2 });
}

function run(data: Uint8Array): void {
  if (data[0] === MARKER_SUBTYPE) { runMarker(data); return; }
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

/** A Marker PDU (request or response) as a partner sends it. */
function markerSeed(tlvType: number): Uint8Array {
  const m = new Uint8Array(LACPDU_LEN);
  m.set([MARKER_SUBTYPE, 1, tlvType, 16, 0, 2, 0x52, 0x54, 0, 0, 0x0b, 1, 0, 0, 0x12, 0x34]);
  return m;
}

export const target: FuzzTarget = {
  name: 'lacpdu',
  covers: ['/src/lib/proto/lacp', '/src/apps/bond/lacp'],
  maxLen: 160,
  dict: [new Uint8Array([1, 1, 1, 20]), new Uint8Array([2, 20]), new Uint8Array([3, 16]), new Uint8Array([0x02, 0x5e, 0, 0, 0, 1]), new Uint8Array([0x3f]), new Uint8Array([0x47]), new Uint8Array([2, 1, 1, 16])],
  seeds: () => [seed(true, 0x3f), seed(false, 0x47), seed(true, 0x0d), seed(true, 0x3d), markerSeed(1), markerSeed(2)],
  run,
  expected: documented(LacpduParseError, /^(lacpdu|marker): [a-z_]+ /),
};
