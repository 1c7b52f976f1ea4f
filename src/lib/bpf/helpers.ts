/**
 * Helper functions as the kernel implements them for XDP, shared by the compiled code and the
 * interpreter. Pointers arrive as (bytes, offset); sizes and flags as numbers. Results follow
 * the kernel: 0 or a negative errno, u32 checksums as non-negative numbers.
 */
import { type XdpBuff, ETH_HLEN } from './xdp-buff.js';
import { type BpfMap, RedirectMap } from './maps.js';
import { XdpAction } from './types.js';

const EINVAL = -22, EFAULT = -14;

/** A route lookup for bpf_fib_lookup (Sluice's router answers it; see apps/bpf). */
export interface Fib {
  /** Fill params (struct bpf_fib_lookup at p[off..off+64)) and return a BPF_FIB_LKUP_RET_* code. */
  lookup(p: Uint8Array, off: number, len: number, flags: number, ingressIfindex: number): number;
}
export const FIB_LKUP_RET_NOT_FWDED = 4;

export interface HelperEnv {
  /** Nanoseconds, monotonic (bpf_ktime_get_ns). */
  now(): number;
  /** A random u32 (bpf_get_prandom_u32). */
  random(): number;
  fib: Fib | null;
}

export const defaultEnv = (): HelperEnv => ({
  now: () => Number(process.hrtime.bigint()),
  random: () => (Math.random() * 2 ** 32) >>> 0,
  fib: null,
});

/**
 * bpf_csum_diff: ~from words and to words summed into seed, folded to 32 bits as x86-64's
 * csum_partial does. The fold is an end-around carry at each word (ones' complement
 * addition: the same result as summing wide and folding at the end, in u32 arithmetic).
 */
export function csumDiff(from: Uint8Array | null, fromOff: number, fromSize: number, to: Uint8Array | null, toOff: number, toSize: number, seed: number): number {
  if ((fromSize & 3) !== 0 || (toSize & 3) !== 0 || fromSize > 512 || toSize > 512 || fromSize + toSize > 512 || fromSize < 0 || toSize < 0) return EINVAL;
  let s = seed >>> 0;
  if (from !== null) {
    for (let i = fromOff, e = fromOff + fromSize; i < e; i += 4) {
      const w = ~(from[i]! | (from[i + 1]! << 8) | (from[i + 2]! << 16) | (from[i + 3]! << 24)) >>> 0;
      s = (s + w) >>> 0;
      if (s < w) s = (s + 1) >>> 0;
    }
  }
  if (to !== null) {
    for (let i = toOff, e = toOff + toSize; i < e; i += 4) {
      const w = (to[i]! | (to[i + 1]! << 8) | (to[i + 2]! << 16) | (to[i + 3]! << 24)) >>> 0;
      s = (s + w) >>> 0;
      if (s < w) s = (s + 1) >>> 0;
    }
  }
  return s;
}

export function adjustHead(x: XdpBuff, delta: number): number {
  const start = x.start + (delta | 0);
  if (start < x.minStart || start > x.end - ETH_HLEN) return EINVAL;
  // Headroom holds whatever an earlier packet left there: a program must not read it (as
  // BPF_PROG_TEST_RUN's zeroed headroom, and as adjust_tail zeroes what it grows).
  if (start < x.start) x.data.fill(0, start, x.start);
  x.start = start;
  return 0;
}

export function adjustTail(x: XdpBuff, delta: number): number {
  const end = x.end + (delta | 0);
  if (end > x.maxEnd || end < x.start + ETH_HLEN) return EINVAL;
  if (end > x.end) x.data.fill(0, x.end, end);
  x.end = end;
  return 0;
}

export function loadBytes(x: XdpBuff, off: number, buf: Uint8Array, bufOff: number, len: number): number {
  off >>>= 0; len >>>= 0;
  if (off > 0xffff || len > 0xffff) return EFAULT;
  if (off + len > x.end - x.start) return EINVAL;
  const d = x.data, s = x.start + off;
  for (let i = 0; i < len; i++) buf[bufOff + i] = d[s + i]!;
  return 0;
}

export function storeBytes(x: XdpBuff, off: number, buf: Uint8Array, bufOff: number, len: number): number {
  off >>>= 0; len >>>= 0;
  if (off > 0xffff || len > 0xffff) return EFAULT;
  if (off + len > x.end - x.start) return EINVAL;
  const d = x.data, s = x.start + off;
  for (let i = 0; i < len; i++) d[s + i] = buf[bufOff + i]!;
  return 0;
}

/** bpf_redirect_map: XDP_REDIRECT with the target remembered, or the fallback action in flags' low bits. */
export function redirectMap(x: XdpBuff, map: BpfMap, key: number, flags: number): number {
  const t = (map as RedirectMap).target(key >>> 0);
  if (t < 0) { x.redirectMap = null; x.redirectTarget = -1; return flags & 3; }
  x.redirectMap = map;
  x.redirectTarget = t;
  return XdpAction.REDIRECT;
}

/** bpf_redirect (XDP): XDP_REDIRECT to the port numbered `ifindex` (as a devmap entry names one); any flag aborts, as in the kernel. */
export function redirect(x: XdpBuff, ifindex: number, flags: number): number {
  if (flags !== 0) return XdpAction.ABORTED;
  x.redirectMap = null;
  x.redirectTarget = ifindex >>> 0;
  return XdpAction.REDIRECT;
}

export function fibLookup(env: HelperEnv, x: XdpBuff, p: Uint8Array, off: number, len: number, flags: number): number {
  if (len < 64) return EINVAL;
  return env.fib ? env.fib.lookup(p, off, len, flags, x.ingressIfindex) : FIB_LKUP_RET_NOT_FWDED;
}
