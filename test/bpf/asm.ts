/** A small assembler for hand-written test programs (the verifier corpus, unit tests). */
import {
  type Insn, LD_IMM64, ALU, ALU64, JMP, JMP32, LDX, STX, ST, MEM, ATOMIC, K, X, B, H, W, DW, MOV, EXIT, CALL, JA,
  PSEUDO_MAP_FD, PSEUDO_CALL,
} from '../../src/lib/bpf/insn.js';

const SZ = { b: B, h: H, w: W, dw: DW } as const;
type Sz = keyof typeof SZ;
const ins = (op: number, dst = 0, src = 0, off = 0, imm = 0): Insn => ({ op, dst, src, off, imm });

export const a = {
  raw: ins,
  mov: (d: number, imm: number) => ins(ALU64 | MOV | K, d, 0, 0, imm),
  movr: (d: number, s: number) => ins(ALU64 | MOV | X, d, s),
  mov32: (d: number, imm: number) => ins(ALU | MOV | K, d, 0, 0, imm),
  alu: (op: number, d: number, imm: number) => ins(ALU64 | op | K, d, 0, 0, imm),
  alur: (op: number, d: number, s: number) => ins(ALU64 | op | X, d, s),
  alu32: (op: number, d: number, imm: number) => ins(ALU | op | K, d, 0, 0, imm),
  alu32r: (op: number, d: number, s: number) => ins(ALU | op | X, d, s),
  ldx: (sz: Sz, d: number, s: number, off: number) => ins(LDX | MEM | SZ[sz], d, s, off),
  stx: (sz: Sz, d: number, off: number, s: number) => ins(STX | MEM | SZ[sz], d, s, off),
  st: (sz: Sz, d: number, off: number, imm: number) => ins(ST | MEM | SZ[sz], d, 0, off, imm),
  atomic: (sz: 'w' | 'dw', d: number, off: number, s: number, op: number) => ins(STX | ATOMIC | SZ[sz], d, s, off, op),
  jmp: (op: number, d: number, imm: number, off: number) => ins(JMP | op | K, d, 0, off, imm),
  jmpr: (op: number, d: number, s: number, off: number) => ins(JMP | op | X, d, s, off),
  jmp32: (op: number, d: number, imm: number, off: number) => ins(JMP32 | op | K, d, 0, off, imm),
  ja: (off: number) => ins(JMP | JA, 0, 0, off),
  call: (helper: number) => ins(JMP | CALL, 0, 0, 0, helper),
  callLocal: (rel: number) => ins(JMP | CALL, 0, PSEUDO_CALL, 0, rel),
  exit: () => ins(JMP | EXIT),
  /** Two slots. */
  ld64: (d: number, lo: number, hi: number): Insn[] => [ins(LD_IMM64, d, 0, 0, lo), ins(0, 0, 0, 0, hi)],
  ldMap: (d: number, map: number): Insn[] => [ins(LD_IMM64, d, PSEUDO_MAP_FD, 0, map), ins(0)],
};

/** r2 = data, r3 = data_end, and `if r2 + n > r3 goto exit-with-r0=1`: n packet bytes proven (5 slots after). */
export function withPacket(n: number, body: Insn[]): Insn[] {
  return [
    a.ldx('w', 2, 1, 0), a.ldx('w', 3, 1, 4), a.movr(4, 2), a.alu(0x00 /* ADD */, 4, n),
    a.jmpr(0x20 /* JGT */, 4, 3, body.length + 0),
    ...body,
    a.mov(0, 1), a.exit(),
  ];
}
