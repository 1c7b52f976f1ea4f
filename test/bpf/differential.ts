/**
 * The kernel as the oracle: run the same packets through a program loaded into the kernel
 * (BPF_PROG_TEST_RUN) and through Sluice (compiled code and the interpreter, each with its
 * own maps) and compare return code, output bytes and map contents.
 */
import { readFileSync } from 'node:fs';
import { KernelProgram, kernelMapEntries, hex } from '../../src/lib/bpf/kernel.js';
import { XdpProgram } from '../../src/lib/bpf/program.js';
import { XdpBuff, XDP_PACKET_HEADROOM, XDP_TAILROOM, XDP_FRAME_SIZE } from '../../src/lib/bpf/xdp-buff.js';
import { type ProgramSpec, MapType, F_RDONLY_PROG } from '../../src/lib/bpf/types.js';
import { defaultEnv } from '../../src/lib/bpf/helpers.js';
import { bpfMapUpdate } from '../../src/sys/bpf.js';
import { u32le } from '../../src/lib/bpf/maps.js';

export function possibleCpus(): number {
  const t = readFileSync('/sys/devices/system/cpu/possible', 'utf8').trim();
  let n = 0;
  for (const part of t.split(',')) {
    const [a, b] = part.split('-').map(Number);
    n += b === undefined ? 1 : b - a! + 1;
  }
  return n;
}

/** Redirect maps: entries 0..size-2 point at ifindex 1 (lo), the last one stays empty. */
function fillRedirectMaps(spec: ProgramSpec, k: KernelProgram, progs: XdpProgram[]): void {
  spec.maps.forEach((m, i) => {
    if (m.type !== MapType.DEVMAP) return;
    for (let key = 0; key < m.maxEntries - 1; key++) {
      bpfMapUpdate(k.mapFds[i]!, u32le(key), u32le(1));
      for (const p of progs) p.maps[i]!.update(u32le(key), 0, u32le(1), 0, 0);
    }
  });
}

export interface Mismatch { packet: number; what: string; input: string }

export class Differential {
  readonly kernel: KernelProgram;
  readonly compiled: XdpProgram;
  readonly interp: XdpProgram;
  private readonly buf = new Uint8Array(4096);
  private readonly x = new XdpBuff();
  readonly cpus = possibleCpus();
  packets = 0;
  readonly actions = new Map<number, number>();

  constructor(readonly spec: ProgramSpec) {
    const env = defaultEnv();
    this.compiled = new XdpProgram(spec, env);
    this.interp = new XdpProgram(spec, env);
    this.kernel = new KernelProgram(spec);
    fillRedirectMaps(spec, this.kernel, [this.compiled, this.interp]);
    this.x.attach(this.buf);
  }

  /** Run one packet everywhere; returns a description of the first difference, or null. */
  one(pkt: Uint8Array): string | null {
    this.packets++;
    const k = this.kernel.testRun(pkt);
    const a = this.sluice(pkt, false), b = this.sluice(pkt, true);
    this.actions.set(k.retval, (this.actions.get(k.retval) ?? 0) + 1);
    if (a.ret !== k.retval) return `compiled returned ${a.ret}, kernel ${k.retval}`;
    if (b.ret !== k.retval) return `interpreter returned ${b.ret}, kernel ${k.retval}`;
    if (hex(a.out) !== hex(k.data)) return `compiled output differs from the kernel's:\n  sluice ${hex(a.out)}\n  kernel ${hex(k.data)}`;
    if (hex(b.out) !== hex(k.data)) return `interpreter output differs from the kernel's:\n  sluice ${hex(b.out)}\n  kernel ${hex(k.data)}`;
    if (a.ret === 4 && a.target !== b.target) return `redirect targets differ: compiled ${a.target}, interpreter ${b.target}`;
    return null;
  }

  private sluice(pkt: Uint8Array, interpret: boolean): { ret: number; out: Uint8Array; target: number } {
    const x = this.x;
    this.buf.fill(0);
    this.buf.set(pkt, XDP_PACKET_HEADROOM);
    x.frame(XDP_PACKET_HEADROOM, XDP_PACKET_HEADROOM + pkt.length, XDP_FRAME_SIZE, 4096 - XDP_TAILROOM);
    const ret = interpret ? this.interp.interpret(x) : this.compiled.run(x);
    return { ret, out: this.buf.slice(x.start, x.end), target: x.redirectTarget };
  }

  /** Compare every map's contents (per-CPU values summed over the kernel's CPUs). */
  maps(): string | null {
    for (let i = 0; i < this.spec.maps.length; i++) {
      const m = this.spec.maps[i]!;
      if (m.type === MapType.DEVMAP || m.flags & F_RDONLY_PROG) continue;
      const kern = kernelMapEntries(this.kernel.mapFds[i]!, m, this.cpus);
      for (const [name, p] of [['compiled', this.compiled], ['interpreter', this.interp]] as const) {
        const ours = new Map<string, string>();
        for (const key of p.maps[i]!.keys()) ours.set(hex(key), hex(p.maps[i]!.get(key)!));
        const theirs = new Map([...kern].map(([kk, v]) => [kk, hex(v)]));
        if (ours.size !== theirs.size) return `map ${m.name}: ${name} has ${ours.size} entries, kernel ${theirs.size}`;
        for (const [kk, v] of theirs) {
          if (ours.get(kk) !== v) return `map ${m.name} key ${kk}: ${name} ${ours.get(kk) ?? '(none)'}, kernel ${v}`;
        }
      }
    }
    return null;
  }

  close(): void { this.kernel.close(); }
}
