/**
 * Anti-spoofing for a vhost-user port given a MAC (`mac=` / `vdpa dev add … mac M`): a frame
 * the guest sends from another source MAC is dropped and counted as `spoofed`. The check
 * reads the 6 source bytes of the chain just popped, wherever its segments put them.
 */
import type { DeviceQueue } from '../../virtio/split/device-queue.js';
import type { GuestMemory } from '../../mem/guest-memory.js';

/** A MAC as two numbers (high 16 bits, low 32 bits) so the per-frame test allocates nothing. */
export interface MacWords { hi: number; lo: number }

export function macWords(mac: string): MacWords {
  const b = parseMac(mac);
  return { hi: (b[0]! << 8) | b[1]!, lo: ((b[2]! << 24) | (b[3]! << 16) | (b[4]! << 8) | b[5]!) >>> 0 };
}

/** `aa:bb:cc:dd:ee:ff` → 6 bytes; throws naming the value when it is not one. */
export function parseMac(mac: string): number[] {
  if (!/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(mac)) throw new Error(`"${mac}" is not a MAC address (aa:bb:cc:dd:ee:ff)`);
  const b = mac.split(':').map((x) => parseInt(x, 16));
  if ((b[0]! & 1) === 1) throw new Error(`"${mac}" is a multicast address, not a station MAC`);
  return b;
}

/**
 * Whether the chain `q` just popped (virtio-net header of `hdrLen` bytes first) carries a
 * frame whose source MAC is (hi, lo). A chain too short to hold one is not a match.
 * TRUST: segOff/segLen/segRegion were bounds-checked against guest memory by popChain.
 */
export function sourceMacIs(q: DeviceQueue, mem: GuestMemory, hdrLen: number, hi: number, lo: number): boolean {
  let want = hdrLen + 6; // byte position in the chain of the next source-MAC byte
  let got = 0; // source bytes matched so far
  let pos = 0; // chain position at the start of segment s
  const nr = q.nReadable;
  for (let s = 0; s < nr && got < 6; s++) {
    const len = q.segLen[s]!;
    const u8 = mem.u8[q.segRegion[s]!]!;
    const off = q.segOff[s]!;
    while (got < 6 && want < pos + len) {
      const expect = got < 2 ? (hi >>> (8 * (1 - got))) & 0xff : (lo >>> (8 * (5 - got))) & 0xff;
      if (u8[off + want - pos] !== expect) return false;
      got++;
      want++;
    }
    pos += len;
  }
  return got === 6;
}
