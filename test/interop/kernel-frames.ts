/**
 * Kernel-side helpers for offload tests: AF_PACKET sockets that inject (PACKET_VNET_HDR) or
 * capture frames on an interface, and Sluice's own segments of a super-frame to compare with
 * what the kernel made.
 */
import assert from 'node:assert/strict';
import { fn, errno } from '../../src/sys/libc.js';
import { ifIndex } from '../../src/sys/index.js';
import { words } from '../../src/lib/offload/copy-words.js';
import { GsoPlan, planGso, writeSegment } from '../../src/lib/offload/gso.js';
import { VnetHdr, readVnetHdr, checkVnetHdr, OffloadError } from '../../src/lib/offload/vnet-hdr.js';

const AF_PACKET = 17, SOCK_RAW = 3, SOCK_NONBLOCK = 0o4000, SOL_PACKET = 263, PACKET_VNET_HDR = 15;

/** A non-blocking AF_PACKET socket bound to `ifname` (all protocols); `vnet`: frames carry a virtio-net header. */
export function packetSocket(ifname: string, vnet: boolean): number {
  const fd = fn.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, 0x0300);
  assert.ok(fd >= 0, `socket(AF_PACKET): errno ${errno()}`);
  if (vnet) assert.equal(fn.setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, Uint8Array.of(1, 0, 0, 0), 4), 0, 'PACKET_VNET_HDR');
  const sll = new Uint8Array(20);
  const v = new DataView(sll.buffer);
  v.setUint16(0, AF_PACKET, true);
  v.setUint16(2, 0x0300, true);
  v.setInt32(4, ifIndex(ifname), true);
  assert.equal(fn.bind(fd, sll, 20), 0, `bind ${ifname}: errno ${errno()}`);
  return fd;
}

/** Frames of the test flow (UDP/TCP source port 40000, as testkit builds them) read from `fd` until `want` or 3 s. */
export async function receive(fd: number, want: number): Promise<Uint8Array[]> {
  const got: Uint8Array[] = [];
  const buf = new Uint8Array(70000);
  const end = Date.now() + 3000;
  while (got.length < want && Date.now() < end) {
    const n = fn.read(fd, buf, buf.length) as number;
    if (n < 0) { await new Promise((r) => setTimeout(r, 10)); continue; }
    const l4 = buf[12] === 0x86 ? 54 : 34;
    if (n > l4 + 4 && buf[l4] === 40000 >> 8 && buf[l4 + 1] === (40000 & 0xff)) got.push(buf.slice(0, n));
  }
  return got;
}

/** What Sluice's software GSO makes of the super-frame. */
export function ours(vnet: Uint8Array, frame: Uint8Array): Uint8Array[] {
  const h = new VnetHdr();
  readVnetHdr(vnet, 0, h);
  assert.equal(checkVnetHdr(h, frame.length), OffloadError.OK);
  const src = new Uint8Array(frame.length + 4);
  src.set(frame, 0);
  const plan = new GsoPlan();
  assert.equal(planGso(src, 0, frame.length, h, 9000, plan), OffloadError.OK);
  const dst = new Uint8Array(9216);
  const out: Uint8Array[] = [];
  for (let i = 0; i < plan.segs; i++) out.push(dst.slice(0, writeSegment(src, words(src), 0, plan, i, dst, words(dst), 0)));
  return out;
}
