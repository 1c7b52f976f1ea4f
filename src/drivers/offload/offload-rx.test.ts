/**
 * OffloadRx (the receive path of AF_PACKET and TAP ports) with hostile headers: random
 * virtio-net headers over random bytes and real super-frames. Nothing throws; every frame is
 * accounted (rx packets = segments on the link + drops); what reaches the link parses with a
 * full checksum. (Bounds of each segment write: lib/offload/offload.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PacketPool } from '../../core/packet.js';
import { Link } from '../../core/link.js';
import { COUNTER_COUNT, DROP_BASE, RX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { words } from '../../lib/offload/copy-words.js';
import { readVnetHdr, checkVnetHdr, OffloadError, GSO_NONE } from '../../lib/offload/vnet-hdr.js';
import { buildSuperFrame } from '../../lib/offload/testkit.js';
import { l4ChecksumOk } from '../../../test/support/l4-checksum.js';
import { OffloadRx } from './offload-rx.js';

test('property: OffloadRx refuses, counts, and cuts correctly whatever the header', () => {
  const count = 600;
  const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count)), count);
  const data32 = words(pool.data);
  fc.assert(fc.property(
    fc.uint8Array({ minLength: 10, maxLength: 10 }),
    fc.oneof(
      fc.uint8Array({ minLength: 0, maxLength: 3000 }),
      fc.record({ v6: fc.boolean(), udp: fc.boolean(), payLen: fc.integer({ min: 0, max: 40000 }), mss: fc.integer({ min: 1, max: 9000 }) })
        .map((s) => ({ s, ...buildSuperFrame(s) })),
    ),
    (rnd, f) => {
      const real = !(f instanceof Uint8Array);
      const frame = real ? f.frame : f;
      const hdr = real ? f.vnet : rnd;
      const c = new Float64Array(COUNTER_COUNT);
      const rx = new OffloadRx(pool, data32, c);
      const link = new Link('t.output -> u.input', pool);
      const src = new Uint8Array((frame.length + 16) & ~3);
      src.set(frame, 4);
      readVnetHdr(hdr, 0, rx.vh);
      // What a port does: check, then plan and emit a super-frame (a plain frame is the port's own business).
      const bad = checkVnetHdr(rx.vh, frame.length);
      if (bad !== OffloadError.OK) rx.refuse(bad, frame.length);
      else if (rx.vh.gsoType !== GSO_NONE && rx.planSuper(src, 4, frame.length) > 0) rx.emit(src, words(src), 4, link);
      else if (rx.vh.gsoType === GSO_NONE) return; // not OffloadRx's path
      const out: number[] = [];
      while (!link.empty()) out.push(link.receive());
      const drops = c[DROP_BASE + DropReason.BAD_OFFLOAD]! + c[DROP_BASE + DropReason.NO_BUFFER]! + c[DROP_BASE + DropReason.LINK_FULL]!;
      assert.equal(c[RX_PACKETS], out.length + drops, 'rx packets = segments on the link + drops');
      for (const p of out) {
        assert.ok(l4ChecksumOk(pool.data, pool.start(p), pool.len[p]!), 'a segment parses with a full L4 checksum');
        pool.free(p);
      }
      if (real && bad === OffloadError.OK && f.s.payLen > f.s.mss && c[DROP_BASE + DropReason.BAD_OFFLOAD] === 0) assert.equal(out.length, Math.ceil(f.s.payLen / f.s.mss));
    },
  ), { numRuns: 300 });
});

test('property: OffloadRx.keep (a link that carries super-frames) refuses and counts what does not parse, keeps the rest whole', () => {
  const count = 256;
  const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count)), count);
  const data32 = words(pool.data);
  fc.assert(fc.property(
    fc.uint8Array({ minLength: 10, maxLength: 10 }),
    fc.oneof(
      fc.uint8Array({ minLength: 10200, maxLength: 20000 }),
      fc.record({ v6: fc.boolean(), udp: fc.boolean(), payLen: fc.integer({ min: 10200, max: 60000 }), mss: fc.integer({ min: 536, max: 9000 }) })
        .map((s) => ({ s, ...buildSuperFrame(s) })),
    ),
    fc.boolean(),
    (rnd, f, useReal) => {
      const real = useReal && !(f instanceof Uint8Array);
      const frame = f instanceof Uint8Array ? f : f.frame;
      const hdr = real ? (f as { vnet: Uint8Array }).vnet : rnd;
      const c = new Float64Array(COUNTER_COUNT);
      const rx = new OffloadRx(pool, data32, c);
      const link = new Link('t.output -> u.input', pool);
      link.superFrames = true;
      readVnetHdr(hdr, 0, rx.vh);
      const bad = checkVnetHdr(rx.vh, frame.length);
      if (bad !== OffloadError.OK || rx.vh.gsoType === GSO_NONE || frame.length > 65535) return; // the ports' own checks first
      const p = pool.allocSuper();
      pool.data.set(frame, pool.start(p));
      rx.keep(p, frame.length, link);
      const drops = c[DROP_BASE + DropReason.BAD_OFFLOAD]!;
      assert.equal(c[RX_PACKETS], link.nreadable() + drops, 'one packet in: kept or dropped');
      if (!link.empty()) {
        const q = link.receive();
        assert.equal(q, p);
        assert.equal(pool.len[q], frame.length);
        assert.equal(pool.gsoType[q], rx.vh.gsoType);
        assert.ok(pool.csumStart[q]! + pool.csumOffset[q]! + 2 <= frame.length, 'checksum offsets inside the frame, as parsed');
        pool.free(q);
      }
      if (real) assert.equal(drops, 0, 'a real super-frame is kept');
      assert.equal(pool.audit().inUse, 0, 'a refused one went back to the pool');
    },
  ), { numRuns: 300 });
});
