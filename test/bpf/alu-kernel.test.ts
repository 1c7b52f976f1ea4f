/**
 * 64-bit and 32-bit arithmetic against the kernel: random straight-line programs over r0..r5
 * (every ALU/ALU64 operation, immediates and registers, shifts, division and modulo by
 * registers that may be zero, byte swaps, conditional jumps of both widths) store their six
 * registers into the packet; the kernel (BPF_PROG_TEST_RUN), the compiled code (hi/lo int32
 * pairs) and the interpreter (BigInt) must write the same 48 bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KernelProgram } from '../../src/lib/bpf/kernel.js';
import { XdpProgram } from '../../src/lib/bpf/program.js';
import { XdpBuff, XDP_PACKET_HEADROOM, XDP_FRAME_SIZE, XDP_TAILROOM } from '../../src/lib/bpf/xdp-buff.js';
import { defaultEnv } from '../../src/lib/bpf/helpers.js';
import { type Insn, ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, NEG, MOD, XOR, MOV, ARSH, END, JEQ, JGT, JGE, JSET, JNE, JSGT, JSGE, JLT, JLE, JSLT, JSLE } from '../../src/lib/bpf/insn.js';
import { a, withPacket } from './asm.js';

const ALU_OPS = [ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, MOD, XOR, MOV, ARSH];
const JMP_OPS = [JEQ, JGT, JGE, JSET, JNE, JSGT, JSGE, JLT, JLE, JSLT, JSLE];
const reg = fc.integer({ min: 0, max: 5 });
const imm = fc.oneof(fc.integer({ min: -3, max: 70 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
const op: fc.Arbitrary<Insn> = fc.oneof(
  fc.tuple(fc.constantFrom(...ALU_OPS), fc.boolean(), reg, reg, imm, fc.boolean()).map(([o, wide, d, s, k, useReg]) => {
    if (!useReg && (o === LSH || o === RSH || o === ARSH)) k = Math.abs(k) % (wide ? 64 : 32);
    if (!useReg && (o === DIV || o === MOD) && k === 0) k = 3;
    return useReg ? (wide ? a.alur(o, d, s) : a.alu32r(o, d, s)) : (wide ? a.alu(o, d, k) : a.alu32(o, d, k));
  }),
  fc.tuple(fc.boolean(), reg).map(([wide, d]) => (wide ? a.alu(NEG, d, 0) : a.alu32(NEG, d, 0))),
  fc.tuple(fc.constantFrom(16, 32, 64), fc.boolean(), reg).map(([w, be, d]) => a.raw(0x04 | END | (be ? 0x08 : 0), d, 0, 0, w)),
);
/** A conditional jump over the next instruction (forward only). */
const jump: fc.Arbitrary<Insn> = fc.tuple(fc.constantFrom(...JMP_OPS), fc.boolean(), fc.boolean(), reg, reg, imm).map(([o, wide, useReg, d, s, k]) =>
  a.raw((wide ? 0x05 : 0x06) | o | (useReg ? 0x08 : 0), d, useReg ? s : 0, 1, useReg ? 0 : k));
const body = fc.array(fc.oneof({ weight: 4, arbitrary: op.map((i) => [i]) }, { weight: 1, arbitrary: fc.tuple(jump, op).map(([j, i]) => [j, i]) }), { minLength: 1, maxLength: 24 });
const init = fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { minLength: 6, maxLength: 6 });

function program(regs: [number, number][], ops: Insn[][]): Insn[] {
  // r2/r3 hold data/data_end in withPacket; the body keeps the packet pointer in r6.
  const pre: Insn[] = [a.movr(6, 2)];
  regs.forEach(([lo, hi], r) => pre.push(...a.ld64(r, lo, hi)));
  const post: Insn[] = [];
  for (let r = 0; r <= 5; r++) post.push(a.stx('dw', 6, r * 8, r));
  return withPacket(48, [...pre, ...ops.flat(), ...post, a.mov(0, 2), a.exit()]);
}

test('ALU semantics: compiled code and interpreter match the kernel on random arithmetic', (t) => {
  if (process.getuid?.() !== 0) {
    if (process.env.CI === 'true') throw new Error('needs root for BPF_PROG_TEST_RUN');
    t.skip('needs root (BPF_PROG_TEST_RUN)');
    return;
  }
  const pkt = new Uint8Array(64);
  const buf = new Uint8Array(4096);
  const x = new XdpBuff();
  x.attach(buf);
  let runs = 0;
  fc.assert(fc.property(init, body, (regs, ops) => {
    const insns = program(regs as [number, number][], ops);
    const spec = { name: 'alu', section: 'xdp', insns, maps: [], license: 'GPL' };
    const k = new KernelProgram(spec);
    let kernelOut: string;
    try { kernelOut = Buffer.from(k.testRun(pkt).data).toString('hex'); } finally { k.close(); }
    const p = new XdpProgram(spec, defaultEnv());
    for (const interp of [false, true]) {
      buf.fill(0);
      x.frame(XDP_PACKET_HEADROOM, XDP_PACKET_HEADROOM + 64, XDP_FRAME_SIZE, 4096 - XDP_TAILROOM);
      const r = interp ? p.interpret(x) : p.run(x);
      assert.equal(r, 2);
      assert.equal(Buffer.from(buf.subarray(x.start, x.end)).toString('hex'), kernelOut, interp ? 'interpreter' : 'compiled');
    }
    runs++;
  }), { numRuns: 400, seed: 0xa1 });
  assert.equal(runs, 400);
});
