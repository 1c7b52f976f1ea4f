/**
 * Guest memory table + split virtqueue, as a guest driver can make them: a memory table of
 * 0-4 regions (any guest-physical address, sizes up to 64 KiB, unaligned mapping offsets),
 * ring addresses inside or outside them, and guest memory whose bytes are the rest of the
 * input, so descriptors are direct, chained, indirect, looping, out of range or straddling
 * two regions as the mutator makes them. The device side pops every available chain.
 *
 * Survives: only GuestMemoryError escapes (the table), naming the region or "memory table";
 * setup refuses a bad layout with a message; popChain ends (-1 or -2 with a known
 * QueueError) within queue-size pops, and every segment it returns lies inside the region it
 * names, with nSegs ≤ queue size and byte counts that add up.
 */
import assert from 'node:assert/strict';
import { GuestMemory, GuestMemoryError, type RegionSpec } from '../../../src/mem/guest-memory.js';
import { DeviceQueue, type QueueLayout } from '../../../src/virtio/split/device-queue.js';
import { QUEUE_ERROR_NAMES } from '../../../src/virtio/split/queue-errors.js';
import { VRING_DESC_F_INDIRECT, VRING_DESC_F_NEXT, VRING_DESC_F_WRITE } from '../../../src/virtio/constants.js';
import { documented, type FuzzTarget } from '../harness/target.js';
import { Cursor, Writer } from './cursor.js';

/**
 * A guest as the input describes it: config byte, queue size, base index, 0-4 regions, one
 * ring layout per ring (inside or outside the regions), then the regions' bytes. Regions are
 * mapped after `guard` bytes of 0xa5 (their buffer offset), which must stay as they are.
 */
export function guestFrom(c: Cursor, rings = 1): { cfg: number; size: number; base: number; mem: GuestMemory; layouts: QueueLayout[]; guardsIntact(): boolean } {
  const cfg = c.u8();
  const size = (cfg & 4) !== 0 ? c.u16() : 1 << ((cfg >>> 4) % 9);
  const base = c.u16();
  const n = c.u8() % 5;
  const specs: RegionSpec[] = [];
  for (let i = 0; i < n; i++) {
    const gpa = c.u8() * 2 ** 32 + c.u32();
    const len = 64 + c.u16();
    const bufferOffset = c.u8();
    const buffer = new ArrayBuffer(bufferOffset + len);
    new Uint8Array(buffer, 0, bufferOffset).fill(0xa5);
    specs.push({ gpa, size: len, frontendVa: gpa, buffer, bufferOffset });
  }
  const addr = (): number => {
    const sel = c.u8();
    const off = c.u16();
    if ((sel & 0x80) !== 0 || n === 0) return c.u8() * 2 ** 32 + c.u32();
    return specs[sel % n]!.gpa + off;
  };
  const layouts = Array.from({ length: rings }, () => ({ size, descGpa: addr(), availGpa: addr(), usedGpa: addr() }));
  const mem = new GuestMemory(specs); // throws GuestMemoryError for a bad table
  let rest = c.rest();
  for (let i = 0; i < n && rest.length > 0; i++) {
    const u8 = mem.u8[i]!;
    const k = Math.min(u8.length, rest.length);
    u8.set(rest.subarray(0, k));
    rest = rest.subarray(k);
  }
  const guardsIntact = () => specs.every((r) => new Uint8Array(r.buffer, 0, r.bufferOffset).every((b) => b === 0xa5));
  return { cfg, size, base, mem, layouts, guardsIntact };
}

function run(data: Uint8Array): void {
  const { cfg, size, base, mem, layouts: [layout] } = guestFrom(new Cursor(data));
  const q = new DeviceQueue();
  q.setBase(base);
  const err = q.setup(mem, layout!, (cfg & 1) !== 0, (cfg & 2) !== 0);
  if (err !== null) {
    assert.ok(err.length > 0 && !q.ready);
    return;
  }
  for (let pops = 0; ; pops++) {
    const head = q.popChain(mem);
    if (head === -1) break;
    if (head === -2) {
      assert.ok(q.error > 0 && q.error < QUEUE_ERROR_NAMES.length, `quarantined with unknown error ${q.error}`);
      break;
    }
    assert.ok(pops < size, `popped ${pops + 1} chains from a queue of ${size}`);
    assert.ok(head >= 0 && head < size, `head ${head}`);
    assert.ok(q.nSegs >= 1 && q.nSegs <= size && q.nReadable <= q.nSegs, `nSegs ${q.nSegs}, nReadable ${q.nReadable}`);
    let read = 0, write = 0;
    for (let k = 0; k < q.nSegs; k++) {
      const r = q.segRegion[k]!;
      assert.ok(r >= 0 && r < mem.count, `segment ${k} in region ${r}`);
      assert.ok(q.segOff[k]! + q.segLen[k]! <= mem.u8[r]!.length, `segment ${k} [${q.segOff[k]}, +${q.segLen[k]}) leaves region ${r} of ${mem.u8[r]!.length} bytes`);
      if (k < q.nReadable) read += q.segLen[k]!; else write += q.segLen[k]!;
    }
    assert.equal(read, q.readBytes);
    assert.equal(write, q.writeBytes);
    q.addUsed(head, q.writeBytes);
  }
  q.publishUsed();
  q.needsNotification();
  q.enableNotification();
  q.hasAvail();
  q.disableNotification();
}

/**
 * One region at 0x10000 with a queue of 8 at its start: desc table at 0, avail ring at 128,
 * used ring at 256, buffers from 1024; the avail ring holds the given chains.
 */
function seed(cfg: number, chains: { bufs: { len: number; write?: boolean }[]; indirect?: boolean }[], extra?: (dv: DataView) => void): Uint8Array {
  const gpa = 0x10000, regionLen = 0x2000;
  const mem = new Uint8Array(regionLen);
  const dv = new DataView(mem.buffer);
  let nextDesc = 0, data = 1024, table = 4096;
  const desc = (at: number, a: number, len: number, flags: number, next: number) => {
    dv.setUint32(at, a, true); dv.setUint32(at + 4, 0, true); dv.setUint32(at + 8, len, true);
    dv.setUint16(at + 12, flags, true); dv.setUint16(at + 14, next, true);
  };
  chains.forEach((ch, slot) => {
    const head = nextDesc;
    if (ch.indirect) {
      ch.bufs.forEach((b, i) => {
        desc(table + 16 * i, gpa + data, b.len, (b.write ? VRING_DESC_F_WRITE : 0) | (i < ch.bufs.length - 1 ? VRING_DESC_F_NEXT : 0), i + 1);
        data += b.len;
      });
      desc(16 * nextDesc++, gpa + table, 16 * ch.bufs.length, VRING_DESC_F_INDIRECT, 0);
      table += 16 * ch.bufs.length;
    } else {
      ch.bufs.forEach((b, i) => {
        desc(16 * nextDesc, gpa + data, b.len, (b.write ? VRING_DESC_F_WRITE : 0) | (i < ch.bufs.length - 1 ? VRING_DESC_F_NEXT : 0), nextDesc + 1);
        nextDesc++;
        data += b.len;
      });
    }
    dv.setUint16(128 + 4 + 2 * slot, head, true);
  });
  dv.setUint16(128 + 2, chains.length, true);
  extra?.(dv);
  return new Writer().u8(cfg | (3 << 4)).u16(0).u8(1)
    .u8(0).u32(gpa).u16(regionLen - 64).u8(0)
    .u8(0).u16(0).u8(0).u16(128).u8(0).u16(256)
    .bytes(mem).done();
}

export const target: FuzzTarget = {
  name: 'virtq',
  covers: ['/src/virtio/split/device-queue', '/src/mem/guest-memory'],
  maxLen: 16384,
  seeds: () => [
    seed(3, [{ bufs: [{ len: 60 }] }, { bufs: [{ len: 12 }, { len: 1500, write: true }] }, { bufs: [{ len: 10 }, { len: 20 }, { len: 30, write: true }], indirect: true }]),
    seed(1, [{ bufs: [{ len: 64, write: true }] }, { bufs: [{ len: 14 }, { len: 50 }] }]),
    // a chain that loops back on itself (desc 1 → 0 → 1 …)
    seed(2, [{ bufs: [{ len: 8 }, { len: 8 }] }], (dv) => { dv.setUint16(16 + 12, VRING_DESC_F_NEXT, true); dv.setUint16(16 + 14, 0, true); }),
  ],
  run,
  expected: documented(GuestMemoryError, /^memory table/),
};
