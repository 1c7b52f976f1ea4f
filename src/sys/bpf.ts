/**
 * The bpf(2) syscall (x86-64: 321) for the few commands Sluice uses: create and fill maps,
 * load a program, run it on a packet (BPF_PROG_TEST_RUN, the differential tests' oracle),
 * attach it to an interface through a BPF link (gone when the last fd closes, e.g. when Sluice
 * is killed), and ask a program's id. `union bpf_attr` is built by offset; buffers it points
 * to live in native memory for the duration of the call. Control path only.
 */
import { k, errno } from './libc.js';
import { SysError } from './errors.js';

const libc = k.load('libc.so.6');
const syscall = libc.func('long syscall(long num, ...)');
const SYS_bpf = 321;

export const BPF_MAP_CREATE = 0, BPF_MAP_LOOKUP_ELEM = 1, BPF_MAP_UPDATE_ELEM = 2, BPF_MAP_DELETE_ELEM = 3,
  BPF_MAP_GET_NEXT_KEY = 4, BPF_PROG_LOAD = 5, BPF_OBJ_GET = 7, BPF_PROG_TEST_RUN = 10, BPF_OBJ_GET_INFO_BY_FD = 15,
  BPF_MAP_FREEZE = 22, BPF_LINK_CREATE = 28;
export const BPF_PROG_TYPE_XDP = 6;
export const BPF_XDP = 37;
/** XDP link flags: generic (skb) and native (driver) mode. */
export const XDP_FLAGS_SKB_MODE = 2, XDP_FLAGS_DRV_MODE = 4;

const ATTR_SIZE = 144;

/** Native scratch for one call: attr plus the buffers it points to. */
class Scratch {
  private parts: unknown[] = [];
  alloc(n: number): { u8: Uint8Array; addr: bigint } {
    const ptr = k.alloc('uint8_t', Math.max(n, 1));
    this.parts.push(ptr);
    return { u8: new Uint8Array(k.view(ptr, Math.max(n, 1)) as ArrayBuffer), addr: k.address(ptr) as bigint };
  }
  copy(src: Uint8Array): bigint {
    const m = this.alloc(src.length);
    m.u8.set(src);
    return m.addr;
  }
  free(): void { for (const p of this.parts) k.free(p); this.parts = []; }
}

function call(cmd: number, fill: (dv: DataView, s: Scratch) => void, what: string, after?: (dv: DataView) => void): number {
  const s = new Scratch();
  try {
    const attr = s.alloc(ATTR_SIZE);
    const dv = new DataView(attr.u8.buffer, attr.u8.byteOffset, ATTR_SIZE);
    fill(dv, s);
    const r = Number(syscall(SYS_bpf, 'int', cmd, 'uint64_t', attr.addr, 'unsigned int', ATTR_SIZE));
    if (r < 0) throw new SysError(`bpf(${what})`, errno());
    after?.(dv);
    return r;
  } finally {
    s.free();
  }
}

function name16(dv: DataView, off: number, name: string): void {
  const b = new TextEncoder().encode(name.replace(/[^A-Za-z0-9_.]/g, '_').slice(0, 15));
  b.forEach((c, i) => dv.setUint8(off + i, c));
}

export interface KernelMapSpec { type: number; keySize: number; valueSize: number; maxEntries: number; flags: number; name: string }

export function bpfMapCreate(m: KernelMapSpec): number {
  return call(BPF_MAP_CREATE, (dv) => {
    dv.setUint32(0, m.type, true); dv.setUint32(4, m.keySize, true); dv.setUint32(8, m.valueSize, true);
    dv.setUint32(12, m.maxEntries, true); dv.setUint32(16, m.flags, true); name16(dv, 28, m.name);
  }, `MAP_CREATE ${m.name}`);
}

export function bpfMapUpdate(fd: number, key: Uint8Array, value: Uint8Array, flags = 0): void {
  call(BPF_MAP_UPDATE_ELEM, (dv, s) => {
    dv.setUint32(0, fd, true); dv.setBigUint64(8, s.copy(key), true); dv.setBigUint64(16, s.copy(value), true); dv.setBigUint64(24, BigInt(flags), true);
  }, 'MAP_UPDATE_ELEM');
}

/** The value for key (all CPUs' copies for per-CPU maps: pass valueBytes accordingly), or null. */
export function bpfMapLookup(fd: number, key: Uint8Array, valueBytes: number): Uint8Array | null {
  let out: Uint8Array | null = null;
  try {
    const s2 = new Scratch();
    try {
      const v = s2.alloc(valueBytes);
      call(BPF_MAP_LOOKUP_ELEM, (dv, s) => {
        dv.setUint32(0, fd, true); dv.setBigUint64(8, s.copy(key), true); dv.setBigUint64(16, v.addr, true);
      }, 'MAP_LOOKUP_ELEM');
      out = v.u8.slice(0, valueBytes);
    } finally { s2.free(); }
  } catch (e) {
    if (e instanceof SysError && e.code === 'ENOENT') return null;
    throw e;
  }
  return out;
}

export function bpfMapDelete(fd: number, key: Uint8Array): boolean {
  try {
    call(BPF_MAP_DELETE_ELEM, (dv, s) => { dv.setUint32(0, fd, true); dv.setBigUint64(8, s.copy(key), true); }, 'MAP_DELETE_ELEM');
    return true;
  } catch (e) {
    if (e instanceof SysError && e.code === 'ENOENT') return false;
    throw e;
  }
}

/** Every key of a map, in the kernel's order. */
export function bpfMapKeys(fd: number, keySize: number): Uint8Array[] {
  const keys: Uint8Array[] = [];
  let prev: Uint8Array | null = null;
  for (;;) {
    const s2 = new Scratch();
    try {
      const next = s2.alloc(keySize);
      try {
        call(BPF_MAP_GET_NEXT_KEY, (dv, s) => {
          dv.setUint32(0, fd, true); dv.setBigUint64(8, prev ? s.copy(prev) : 0n, true); dv.setBigUint64(16, next.addr, true);
        }, 'MAP_GET_NEXT_KEY');
      } catch (e) {
        if (e instanceof SysError && e.code === 'ENOENT') return keys;
        throw e;
      }
      prev = next.u8.slice(0, keySize);
      keys.push(prev);
      if (keys.length > 1 << 22) throw new Error('bpf map has too many keys');
    } finally { s2.free(); }
  }
}

export function bpfMapFreeze(fd: number): void {
  call(BPF_MAP_FREEZE, (dv) => { dv.setUint32(0, fd, true); }, 'MAP_FREEZE');
}

/** Load a program; on refusal the SysError message carries the kernel verifier's log tail. */
/** errno EAGAIN: the verifier was interrupted. */
const EAGAIN = 11;

export function bpfProgLoad(type: number, insns: Uint8Array, license: string, name = '', logSize = 1 << 20): { fd: number; log: string } {
  const s = new Scratch();
  const log = s.alloc(logSize);
  const load = (): number => call(BPF_PROG_LOAD, (dv, sc) => {
    dv.setUint32(0, type, true); dv.setUint32(4, insns.length / 8, true); dv.setBigUint64(8, sc.copy(insns), true);
    dv.setBigUint64(16, sc.copy(new TextEncoder().encode(license + '\0')), true);
    dv.setUint32(24, 1, true); dv.setUint32(28, logSize, true); dv.setBigUint64(32, log.addr, true);
    name16(dv, 48, name);
  }, 'PROG_LOAD');
  try {
    // The verifier gives up with EAGAIN when a signal arrives mid-check (a child exiting, a
    // timer): try again, as libbpf does, a few times.
    for (let attempt = 1; ; attempt++) {
      try { return { fd: load(), log: cstr(log.u8) }; } catch (e) {
        if (!(e instanceof SysError) || e.errno !== EAGAIN || attempt === 5) throw e;
      }
    }
  } catch (e) {
    if (e instanceof SysError) {
      const tail = cstr(log.u8).trim().split('\n').slice(-3).join(' | ');
      throw new SysError('bpf(PROG_LOAD)', e.errno, tail);
    }
    throw e;
  } finally { s.free(); }
}

export interface TestRun { retval: number; data: Uint8Array; duration: number }

/**
 * Run a loaded program `repeat` times on `data` (BPF_PROG_TEST_RUN); duration is ns per run.
 * `ctx`: the program's context in (XDP: struct xdp_md, whose ingress_ifindex names a device
 * of the calling thread's network namespace).
 */
export function bpfProgTestRun(fd: number, data: Uint8Array, repeat = 1, outSize = 4096, ctx?: Uint8Array): TestRun {
  const s = new Scratch();
  try {
    const out = s.alloc(outSize);
    let retval = 0, outLen = 0, duration = 0;
    call(BPF_PROG_TEST_RUN, (dv, sc) => {
      dv.setUint32(0, fd, true); dv.setUint32(8, data.length, true); dv.setUint32(12, outSize, true);
      dv.setBigUint64(16, sc.copy(data), true); dv.setBigUint64(24, out.addr, true); dv.setUint32(32, repeat, true);
      if (ctx) { dv.setUint32(40, ctx.length, true); dv.setBigUint64(48, sc.copy(ctx), true); }
    }, 'PROG_TEST_RUN', (dv) => { retval = dv.getUint32(4, true); outLen = dv.getUint32(12, true); duration = dv.getUint32(36, true); });
    return { retval, data: out.u8.slice(0, Math.min(outLen, outSize)), duration };
  } finally { s.free(); }
}

/** Attach an XDP program to an interface through a link; closing the returned fd detaches it. */
export function bpfXdpLink(progFd: number, ifindex: number, flags = 0): number {
  return call(BPF_LINK_CREATE, (dv) => {
    dv.setUint32(0, progFd, true); dv.setUint32(4, ifindex, true); dv.setUint32(8, BPF_XDP, true); dv.setUint32(12, flags, true);
  }, `LINK_CREATE ifindex ${ifindex}`);
}

/** Open a pinned program or map (bpffs path). */
export function bpfObjGet(path: string): number {
  return call(BPF_OBJ_GET, (dv, s) => { dv.setBigUint64(0, s.copy(new TextEncoder().encode(path + '\0')), true); }, `OBJ_GET ${path}`);
}

/** The kernel's id of a program (as `ip link` and bpftool show it). */
export function bpfProgId(fd: number): number {
  const s = new Scratch();
  try {
    const info = s.alloc(256);
    call(BPF_OBJ_GET_INFO_BY_FD, (dv) => { dv.setUint32(0, fd, true); dv.setUint32(4, 256, true); dv.setBigUint64(8, info.addr, true); }, 'OBJ_GET_INFO_BY_FD');
    return new DataView(info.u8.buffer, info.u8.byteOffset, 8).getUint32(4, true);
  } finally { s.free(); }
}

function cstr(u8: Uint8Array): string {
  const z = u8.indexOf(0);
  return new TextDecoder().decode(u8.subarray(0, z < 0 ? u8.length : z));
}
