/**
 * The kernel as the oracle: run the same packets through a program loaded into the kernel
 * (BPF_PROG_TEST_RUN) and through Sluice (compiled code and the interpreter, each with its
 * own maps) and compare return code, output bytes and map contents.
 */
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { KernelProgram, kernelMapEntries, hex } from '../../src/lib/bpf/kernel.js';
import { XdpProgram } from '../../src/lib/bpf/program.js';
import { XdpBuff, XDP_PACKET_HEADROOM, XDP_TAILROOM, XDP_FRAME_SIZE } from '../../src/lib/bpf/xdp-buff.js';
import { type ProgramSpec, MapType, F_RDONLY_PROG } from '../../src/lib/bpf/types.js';
import { defaultEnv } from '../../src/lib/bpf/helpers.js';
import { bpfMapUpdate, bpfObjGet, bpfProgTestRun } from '../../src/sys/bpf.js';
import { closeFd } from '../../src/sys/memory.js';
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

/**
 * The same object loaded by Debian's bpftool (libbpf), pinned under bpffs: test runs go through
 * the pinned program, map contents are read back with `bpftool map dump -j`.
 */
/** Entries written into a map before the run, everywhere (e.g. a filter's blocked ports). */
export interface Preset { map: string; key: Uint8Array; value: Uint8Array }

/** The clang-built programs compared with the kernel (test/bpf/progs/NAME.c). */
export const CORPUS = ['count', 'rewrite', 'redirect', 'vlan', 'responder', 'filter', 'atomics'];

/** filter.c drops UDP to the ports in its `blocked` map: block 9 and 53. */
const u16le = (v: number) => Uint8Array.of(v & 0xff, v >> 8);
export const PRESETS: Record<string, Preset[]> = {
  filter: [9, 53].map((port) => ({ map: 'blocked', key: u16le(port), value: new Uint8Array(8) })),
};

export class BpftoolProgram {
  readonly dir: string;
  readonly fd: number;
  constructor(objectPath: string, readonly spec: ProgramSpec, presets: Preset[] = []) {
    this.dir = `/sys/fs/bpf/sluice-test-${process.pid}-${spec.name}`;
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir);
    execFileSync('bpftool', ['prog', 'load', objectPath, `${this.dir}/prog`, 'type', 'xdp', 'pinmaps', `${this.dir}/maps`], { stdio: 'pipe' });
    this.fd = bpfObjGet(`${this.dir}/prog`);
    for (const m of spec.maps) {
      if (m.type !== MapType.DEVMAP) continue;
      for (let key = 0; key < m.maxEntries - 1; key++) {
        execFileSync('bpftool', ['map', 'update', 'pinned', `${this.dir}/maps/${m.name}`, 'key', ...bytesArg(u32le(key)), 'value', ...bytesArg(u32le(1))], { stdio: 'pipe' });
      }
    }
    for (const p of presets) execFileSync('bpftool', ['map', 'update', 'pinned', `${this.dir}/maps/${p.map}`, 'key', ...bytesArg(p.key), 'value', ...bytesArg(p.value)], { stdio: 'pipe' });
  }
  /** key hex -> value hex (per-CPU values summed as u64 words). */
  dump(name: string): Map<string, string> {
    const j = JSON.parse(execFileSync('bpftool', ['-j', 'map', 'dump', 'pinned', `${this.dir}/maps/${name}`], { encoding: 'utf8' })) as
      { key: string[]; value?: string[]; values?: { value: string[] }[] }[];
    const out = new Map<string, string>();
    const bytes = (a: string[]) => Uint8Array.from(a.map((h) => parseInt(h, 16)));
    for (const e of j) {
      if (e.value) { out.set(hex(bytes(e.key)), hex(bytes(e.value))); continue; }
      const vals = e.values!.map((v) => bytes(v.value));
      const sum = new Uint8Array(vals[0]!.length);
      const sd = new DataView(sum.buffer);
      for (let o = 0; o + 8 <= sum.length; o += 8) {
        let acc = 0n;
        for (const v of vals) acc += new DataView(v.buffer).getBigUint64(o, true);
        sd.setBigUint64(o, BigInt.asUintN(64, acc), true);
      }
      out.set(hex(bytes(e.key)), hex(sum));
    }
    return out;
  }
  close(): void { closeFd(this.fd); rmSync(this.dir, { recursive: true, force: true }); }
}

function bytesArg(b: Uint8Array): string[] { return [...b].map(String); }

export class Differential {
  readonly kernel: KernelProgram;
  readonly bpftool: BpftoolProgram | null;
  readonly compiled: XdpProgram;
  /** Compiled as a program several engines run at once (atomic instructions as Atomics). */
  readonly shared: XdpProgram;
  readonly interp: XdpProgram;
  private readonly buf = new Uint8Array(4096);
  private readonly x = new XdpBuff();
  readonly cpus = possibleCpus();
  packets = 0;
  readonly actions = new Map<number, number>();

  /** `objectPath`: also load the object with bpftool and compare against it. */
  constructor(readonly spec: ProgramSpec, objectPath?: string, presets: Preset[] = []) {
    const env = defaultEnv();
    this.compiled = new XdpProgram(spec, env);
    this.shared = new XdpProgram(spec, env, undefined, true);
    this.interp = new XdpProgram(spec, env);
    this.kernel = new KernelProgram(spec);
    fillRedirectMaps(spec, this.kernel, [this.compiled, this.shared, this.interp]);
    for (const p of presets) {
      const i = spec.maps.findIndex((m) => m.name === p.map);
      bpfMapUpdate(this.kernel.mapFds[i]!, p.key, p.value);
      for (const x of [this.compiled, this.shared, this.interp]) x.maps[i]!.update(p.key, 0, p.value, 0, 0);
    }
    this.bpftool = objectPath ? new BpftoolProgram(objectPath, spec, presets) : null;
    this.x.attach(this.buf);
  }

  /** Run one packet everywhere; returns a description of the first difference, or null. */
  one(pkt: Uint8Array): string | null {
    this.packets++;
    const k = this.kernel.testRun(pkt);
    const a = this.sluice(pkt, this.compiled), b = this.sluice(pkt, this.interp), c = this.sluice(pkt, this.shared);
    this.actions.set(k.retval, (this.actions.get(k.retval) ?? 0) + 1);
    if (this.bpftool) {
      const t = bpfProgTestRun(this.bpftool.fd, pkt);
      if (t.retval !== k.retval) return `bpftool-loaded program returned ${t.retval}, Sluice-loaded ${k.retval}`;
      if (hex(t.data) !== hex(k.data)) return `bpftool-loaded program output differs from the Sluice-loaded one`;
    }
    if (a.ret !== k.retval) return `compiled returned ${a.ret}, kernel ${k.retval}`;
    if (b.ret !== k.retval) return `interpreter returned ${b.ret}, kernel ${k.retval}`;
    if (c.ret !== k.retval) return `compiled (shared maps) returned ${c.ret}, kernel ${k.retval}`;
    if (hex(c.out) !== hex(k.data)) return `compiled (shared maps) output differs from the kernel's`;
    if (hex(a.out) !== hex(k.data)) return `compiled output differs from the kernel's:\n  sluice ${hex(a.out)}\n  kernel ${hex(k.data)}`;
    if (hex(b.out) !== hex(k.data)) return `interpreter output differs from the kernel's:\n  sluice ${hex(b.out)}\n  kernel ${hex(k.data)}`;
    if (a.ret === 4 && a.target !== b.target) return `redirect targets differ: compiled ${a.target}, interpreter ${b.target}`;
    return null;
  }

  private sluice(pkt: Uint8Array, p: XdpProgram): { ret: number; out: Uint8Array; target: number } {
    const x = this.x;
    this.buf.fill(0);
    this.buf.set(pkt, XDP_PACKET_HEADROOM);
    x.frame(XDP_PACKET_HEADROOM, XDP_PACKET_HEADROOM + pkt.length, XDP_FRAME_SIZE, 4096 - XDP_TAILROOM);
    const ret = p === this.interp ? p.interpret(x) : p.run(x);
    return { ret, out: this.buf.slice(x.start, x.end), target: x.redirectTarget };
  }

  /** Compare every map's contents (per-CPU values summed over the kernel's CPUs). */
  maps(): string | null {
    for (let i = 0; i < this.spec.maps.length; i++) {
      const m = this.spec.maps[i]!;
      if (m.type === MapType.DEVMAP || m.flags & F_RDONLY_PROG) continue;
      const kern = kernelMapEntries(this.kernel.mapFds[i]!, m, this.cpus);
      if (this.bpftool && !m.name.startsWith('.')) {
        const b = this.bpftool.dump(m.name);
        if (b.size !== kern.size) return `map ${m.name}: bpftool-loaded has ${b.size} entries, Sluice-loaded ${kern.size}`;
        for (const [kk, v] of kern) if (b.get(kk) !== hex(v)) return `map ${m.name} key ${kk}: bpftool-loaded ${b.get(kk)}, Sluice-loaded ${hex(v)}`;
      }
      for (const [name, p] of [['compiled', this.compiled], ['compiled (shared maps)', this.shared], ['interpreter', this.interp]] as const) {
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

  close(): void { this.kernel.close(); this.bpftool?.close(); }
}
