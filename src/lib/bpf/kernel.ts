/**
 * Sluice's own loader into the kernel: the same ProgramSpec the verifier and compiler see,
 * with its maps created by bpf(BPF_MAP_CREATE) (global data filled and .rodata frozen) and
 * the LD_IMM64 map indices replaced by their fds. Used for the kernel differential tests
 * and for AF_XDP's redirect program. No libbpf, no bpftool.
 */
import {
  bpfMapCreate, bpfMapUpdate, bpfMapFreeze, bpfMapLookup, bpfMapKeys, bpfProgLoad, bpfProgTestRun,
  BPF_PROG_TYPE_XDP, type TestRun,
} from '../../sys/bpf.js';
import { closeFd } from '../../sys/memory.js';
import { encode, LD_IMM64, PSEUDO_MAP_FD, PSEUDO_MAP_VALUE } from './insn.js';
import { type MapSpec, type ProgramSpec, MapType } from './types.js';

export class KernelProgram {
  readonly mapFds: number[] = [];
  readonly fd: number;
  readonly log: string;

  constructor(readonly spec: ProgramSpec, type = BPF_PROG_TYPE_XDP) {
    try {
      for (const m of spec.maps) this.mapFds.push(createKernelMap(m));
      const insns = spec.insns.map((i) => ({ ...i }));
      for (let pc = 0; pc < insns.length; pc++) {
        const i = insns[pc]!;
        if (i.op === LD_IMM64) {
          if (i.src === PSEUDO_MAP_FD || i.src === PSEUDO_MAP_VALUE) i.imm = this.mapFds[i.imm]!;
          pc++;
        }
      }
      const r = bpfProgLoad(type, encode(insns), spec.license || 'GPL', spec.name);
      this.fd = r.fd;
      this.log = r.log;
    } catch (e) {
      for (const fd of this.mapFds) closeFd(fd);
      throw e;
    }
  }

  testRun(data: Uint8Array, repeat = 1): TestRun { return bpfProgTestRun(this.fd, data, repeat); }

  /** One run with struct xdp_md's ingress_ifindex and rx_queue_index set (a device of this thread's netns). */
  testRunOn(data: Uint8Array, ifindex: number, rxQueue = 0): TestRun {
    const md = new Uint8Array(24), dv = new DataView(md.buffer);
    dv.setUint32(4, data.length, true); // data_end
    dv.setUint32(12, ifindex, true); dv.setUint32(16, rxQueue, true);
    return bpfProgTestRun(this.fd, data, 1, 4096, md);
  }

  mapFd(name: string): number {
    const k = this.spec.maps.findIndex((m) => m.name === name);
    if (k < 0) throw new Error(`no map ${name}`);
    return this.mapFds[k]!;
  }

  close(): void {
    closeFd(this.fd);
    for (const fd of this.mapFds) closeFd(fd);
  }
}

export function createKernelMap(m: MapSpec): number {
  const fd = bpfMapCreate({ type: m.type, keySize: m.keySize, valueSize: m.valueSize, maxEntries: m.maxEntries, flags: m.flags, name: m.name });
  if (m.initial) {
    bpfMapUpdate(fd, new Uint8Array(4), m.initial.length === m.valueSize ? m.initial : padTo(m.initial, m.valueSize));
    if (m.readonly) bpfMapFreeze(fd);
  }
  return fd;
}

/** Key → value bytes of a kernel map; per-CPU values summed per 8-byte word over `cpus`. */
export function kernelMapEntries(fd: number, m: MapSpec, cpus: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const perCpu = m.type === MapType.PERCPU_ARRAY;
  const stride = (m.valueSize + 7) & ~7;
  for (const key of bpfMapKeys(fd, m.keySize)) {
    const v = bpfMapLookup(fd, key, perCpu ? stride * cpus : m.valueSize);
    if (!v) continue;
    out.set(hex(key), perCpu ? sumPerCpu(v, m.valueSize, stride, cpus) : v);
  }
  return out;
}

function sumPerCpu(v: Uint8Array, size: number, stride: number, cpus: number): Uint8Array {
  const out = new Uint8Array(size);
  const dv = new DataView(v.buffer, v.byteOffset, v.byteLength), od = new DataView(out.buffer);
  for (let o = 0; o + 8 <= size; o += 8) {
    let s = 0n;
    for (let c = 0; c < cpus; c++) s += dv.getBigUint64(c * stride + o, true);
    od.setBigUint64(o, BigInt.asUintN(64, s), true);
  }
  return out;
}

function padTo(b: Uint8Array, n: number): Uint8Array { const o = new Uint8Array(n); o.set(b.subarray(0, n)); return o; }
export function hex(b: Uint8Array): string { return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex'); }
