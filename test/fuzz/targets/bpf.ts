/**
 * eBPF objects and bytecode as a user hands them to `--bpf` / `sluice bpf attach`: an ELF
 * relocatable object (clang -target bpf: sections, symbols, relocations, .BTF map
 * definitions, global data) or, when the input does not start with the ELF magic, raw
 * instruction slots run against a fixed set of maps (hash, array, per-CPU array, LRU hash,
 * .rodata, devmap). Whatever loads is verified; whatever verifies is compiled and run.
 *
 * Survives: a refusal is a BpfError (BpfObjectError naming the section/field, VerifierError
 * naming the instruction index) and nothing else escapes. An accepted program runs on a
 * packet with no packet access outside [data, data_end) (no run-time fault), the same result
 * from the compiled code and the interpreter, and the same result when the bytes around the
 * packet differ.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadObject, programFromBytes } from '../../../src/lib/bpf/object.js';
import { XdpProgram } from '../../../src/lib/bpf/program.js';
import { XdpBuff } from '../../../src/lib/bpf/xdp-buff.js';
import { BpfError } from '../../../src/lib/bpf/errors.js';
import { type MapSpec, MapType, F_RDONLY_PROG } from '../../../src/lib/bpf/types.js';
import { encode } from '../../../src/lib/bpf/insn.js';
import type { FuzzTarget } from '../harness/target.js';
import { INTERNAL, describe } from '../harness/target.js';

const RAW_MAPS: MapSpec[] = [
  { name: 'h', type: MapType.HASH, keySize: 4, valueSize: 8, maxEntries: 8, flags: 0 },
  { name: 'a', type: MapType.ARRAY, keySize: 4, valueSize: 16, maxEntries: 4, flags: 0 },
  { name: 'p', type: MapType.PERCPU_ARRAY, keySize: 4, valueSize: 8, maxEntries: 2, flags: 0 },
  { name: 'l', type: MapType.LRU_HASH, keySize: 8, valueSize: 8, maxEntries: 4, flags: 0 },
  { name: '.rodata', type: MapType.ARRAY, keySize: 4, valueSize: 8, maxEntries: 1, flags: F_RDONLY_PROG, readonly: true, initial: new Uint8Array(8).fill(3) },
  { name: 'd', type: MapType.DEVMAP, keySize: 4, valueSize: 4, maxEntries: 4, flags: 0 },
];
const PKT = Uint8Array.from({ length: 80 }, (_, i) => (i * 37 + 11) & 0xff);
PKT.set([0x08, 0x00], 12);
PKT.set([0x45, 0, 0, 66, 0, 0, 0, 0, 64, 17], 14);
const env = { now: () => 1234, random: () => 99, fib: null };

function runOnce(p: XdpProgram, interp: boolean, fill: number): string {
  const buf = new Uint8Array(512).fill(fill);
  buf.set(PKT, 200);
  const x = new XdpBuff();
  x.attach(buf);
  x.frame(200, 200 + PKT.length, 64, 448);
  const r = interp ? p.interpret(x) : p.run(x);
  assert.equal(x.faults, 0, 'compiled code faulted (a packet access outside [data, data_end) or a range error)');
  return `${r}:${x.redirectTarget}:${Buffer.from(buf.subarray(x.start, x.end)).toString('hex')}`;
}

function run(data: Uint8Array): void {
  const elf = data.length >= 4 && data[0] === 0x7f && data[1] === 0x45 && data[2] === 0x4c && data[3] === 0x46;
  const specs = elf ? loadObject(data).programs.slice(0, 4) : [programFromBytes(data.subarray(0, data.length & ~7), RAW_MAPS.map((m) => ({ ...m })))];
  for (const spec of specs) {
    let p: XdpProgram;
    try { p = new XdpProgram(spec, env); } catch (e) { if (e instanceof BpfError) continue; throw e; }
    const a = runOnce(p, false, 0x00);
    const q = new XdpProgram(spec, env); // fresh maps: the interpreter starts from the same state
    assert.equal(runOnce(q, true, 0x00), a, 'the interpreter and the compiled code differ');
    const r = new XdpProgram(spec, env);
    assert.equal(runOnce(r, false, 0xff), a, 'the result depends on bytes outside the packet');
  }
}

function clangSeeds(): Uint8Array[] {
  try {
    execFileSync('clang', ['--version'], { stdio: 'ignore' });
  } catch { return []; }
  // Built the way the tests build them (test/bpf/build.ts); an absent clang leaves the corpus.
  return import.meta.url ? buildSync() : [];
}

function buildSync(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const dir = new URL('../../../../test/bpf/progs/', import.meta.url).pathname;
  for (const n of ['count', 'rewrite', 'redirect', 'vlan', 'responder', 'filter']) {
    const o = `/tmp/sluice-fuzz-bpf-${process.pid}-${n}.o`;
    try {
      execFileSync('clang', ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I/usr/include/x86_64-linux-gnu', '-c', `${dir}${n}.c`, '-o', o], { stdio: 'ignore' });
      out.push(new Uint8Array(readFileSync(o)));
    } catch { /* keep what built */ }
  }
  return out;
}

const raw = (...slots: [number, number, number, number][]) => encode(slots.map(([op, regs, off, imm]) => ({ op, dst: regs & 15, src: regs >> 4, off, imm })));

export const target: FuzzTarget = {
  name: 'bpf',
  covers: ['/src/lib/bpf/'],
  maxLen: 40000,
  timeMs: 3000,
  memBytes: 400 << 20, // a map may legitimately take up to MAX_MAP_BYTES
  seeds: () => [
    ...clangSeeds(),
    // r2 = data; r3 = data_end; r4 = r2 + 14; if r4 > r3 goto +2; r0 = *(u16 *)(r2 + 12); exit; r0 = 1; exit
    raw([0x61, 0x12, 0, 0], [0x61, 0x13, 4, 0], [0xbf, 0x24, 0, 0], [0x07, 0x04, 0, 14], [0x2d, 0x34, 2, 0], [0x69, 0x20, 12, 0], [0x95, 0, 0, 0], [0xb7, 0, 0, 1], [0x95, 0, 0, 0]),
    // map lookup in h with a key on the stack, NULL check, increment
    raw([0x62, 0x0a, -4, 7], [0xbf, 0xa2, 0, 0], [0x07, 0x02, 0, -4], [0x18, 0x11, 0, 0], [0, 0, 0, 0], [0x85, 0, 0, 1], [0x15, 0x00, 2, 0], [0xb7, 0x01, 0, 1], [0xdb, 0x10, 0, 0], [0xb7, 0, 0, 2], [0x95, 0, 0, 0]),
  ],
  dict: ['\x7fELF', '.maps', '.BTF', 'xdp', '.rodata', '.text', 'license', 'GPL', '\x95\0\0\0\0\0\0\0', '\x18\x11', '\x85\0\0\0\x01\0\0\0'],
  run,
  expected: (e) => {
    if (!(e instanceof BpfError)) return `${describe(e)} is not a BpfError`;
    if (INTERNAL.test(e.message)) return `BpfError wraps an internal error: ${JSON.stringify(e.message)}`;
    if (!/^(ELF header|e_\w+|section |symbol |\.\w|insn \d+|map |no program|bytecode|program )/.test(e.message)) return `BpfError message does not name the field: ${JSON.stringify(e.message)}`;
    return null;
  },
};
