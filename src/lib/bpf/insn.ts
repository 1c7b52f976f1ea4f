/**
 * eBPF instructions: the opcode fields, a decoded form (one object per slot, control path
 * only) and a one-line disassembly for error messages and `sluice bpf show`.
 * Encoding (little-endian, 8 bytes): op u8 | dst:4 src:4 | off s16 | imm s32. LD_IMM64
 * takes two slots; the second carries the high 32 bits in its imm.
 */
export const INSN_SIZE = 8;

// Classes
export const LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, ALU = 0x04, JMP = 0x05, JMP32 = 0x06, ALU64 = 0x07;
// Sizes
export const W = 0x00, H = 0x08, B = 0x10, DW = 0x18;
// Modes
export const IMM = 0x00, ABS = 0x20, IND = 0x40, MEM = 0x60, ATOMIC = 0xc0, MEMSX = 0x80;
// Sources
export const K = 0x00, X = 0x08;
// ALU ops
export const ADD = 0x00, SUB = 0x10, MUL = 0x20, DIV = 0x30, OR = 0x40, AND = 0x50, LSH = 0x60, RSH = 0x70,
  NEG = 0x80, MOD = 0x90, XOR = 0xa0, MOV = 0xb0, ARSH = 0xc0, END = 0xd0;
// JMP ops
export const JA = 0x00, JEQ = 0x10, JGT = 0x20, JGE = 0x30, JSET = 0x40, JNE = 0x50, JSGT = 0x60, JSGE = 0x70,
  CALL = 0x80, EXIT = 0x90, JLT = 0xa0, JLE = 0xb0, JSLT = 0xc0, JSLE = 0xd0;
// Atomic ops (imm of STX|ATOMIC)
export const FETCH = 0x01, XCHG = 0xe0 | FETCH, CMPXCHG = 0xf0 | FETCH;
// LD_IMM64 src_reg values
export const PSEUDO_MAP_FD = 1, PSEUDO_MAP_VALUE = 2;
// CALL src_reg values
export const PSEUDO_CALL = 1;

export const LD_IMM64 = LD | IMM | DW;

export const cls = (op: number): number => op & 0x07;
export const size = (op: number): number => op & 0x18;
export const mode = (op: number): number => op & 0xe0;
export const aluOp = (op: number): number => op & 0xf0;
export const bytesOf = (sz: number): number => (sz === B ? 1 : sz === H ? 2 : sz === W ? 4 : 8);

export interface Insn {
  op: number;
  dst: number;
  src: number;
  off: number;
  imm: number;
}

/** Decode raw bytes (a multiple of 8) into instruction slots. */
export function decode(bytes: Uint8Array): Insn[] {
  if (bytes.length % INSN_SIZE !== 0) throw new RangeError(`bytecode length ${bytes.length} is not a multiple of 8`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Insn[] = [];
  for (let o = 0; o < bytes.length; o += 8) {
    const regs = bytes[o + 1]!;
    out.push({ op: bytes[o]!, dst: regs & 0x0f, src: regs >> 4, off: dv.getInt16(o + 2, true), imm: dv.getInt32(o + 4, true) });
  }
  return out;
}

/** Encode slots back to bytes (the kernel loader sends these). */
export function encode(insns: readonly Insn[]): Uint8Array {
  const bytes = new Uint8Array(insns.length * INSN_SIZE);
  const dv = new DataView(bytes.buffer);
  insns.forEach((i, n) => {
    const o = n * 8;
    bytes[o] = i.op;
    bytes[o + 1] = (i.dst & 0x0f) | ((i.src & 0x0f) << 4);
    dv.setInt16(o + 2, i.off, true);
    dv.setInt32(o + 4, i.imm, true);
  });
  return bytes;
}

const ALU_NAMES: Record<number, string> = {
  [ADD]: '+=', [SUB]: '-=', [MUL]: '*=', [DIV]: '/=', [OR]: '|=', [AND]: '&=', [LSH]: '<<=', [RSH]: '>>=',
  [MOD]: '%=', [XOR]: '^=', [MOV]: '=', [ARSH]: 's>>=',
};
const JMP_NAMES: Record<number, string> = {
  [JEQ]: '==', [JGT]: '>', [JGE]: '>=', [JSET]: '&', [JNE]: '!=', [JSGT]: 's>', [JSGE]: 's>=', [JLT]: '<',
  [JLE]: '<=', [JSLT]: 's<', [JSLE]: 's<=',
};
const SZ_NAMES: Record<number, string> = { [B]: 'u8', [H]: 'u16', [W]: 'u32', [DW]: 'u64' };

/** llvm-objdump-like text of slot `pc` (needs the next slot for LD_IMM64). */
export function disasm(insns: readonly Insn[], pc: number): string {
  const i = insns[pc]!;
  const c = cls(i.op);
  const r = (n: number, wide: boolean) => (wide ? 'r' : 'w') + n;
  if (c === ALU || c === ALU64) {
    const wide = c === ALU64, o = aluOp(i.op);
    if (o === NEG) return `${r(i.dst, wide)} = -${r(i.dst, wide)}`;
    if (o === END) return `${r(i.dst, true)} = ${(i.op & X) ? 'be' : 'le'}${i.imm} ${r(i.dst, true)}`;
    const name = ALU_NAMES[o];
    if (!name) return `unknown alu op 0x${i.op.toString(16)}`;
    return `${r(i.dst, wide)} ${name} ${(i.op & X) ? r(i.src, wide) : String(i.imm)}`;
  }
  if (c === JMP || c === JMP32) {
    const o = aluOp(i.op);
    if (o === JA) return `goto ${fmtOff(i.off)}`;
    if (o === EXIT) return 'exit';
    if (o === CALL) return i.src === PSEUDO_CALL ? `call pc${fmtOff(i.imm)}` : `call ${i.imm}`;
    const name = JMP_NAMES[o];
    if (!name) return `unknown jump op 0x${i.op.toString(16)}`;
    const wide = c === JMP;
    return `if ${r(i.dst, wide)} ${name} ${(i.op & X) ? r(i.src, wide) : String(i.imm)} goto ${fmtOff(i.off)}`;
  }
  if (i.op === LD_IMM64) {
    const hi = insns[pc + 1]?.imm ?? 0;
    if (i.src === PSEUDO_MAP_FD) return `r${i.dst} = map[${i.imm}] ll`;
    if (i.src === PSEUDO_MAP_VALUE) return `r${i.dst} = map[${i.imm}] + ${hi} ll`;
    return `r${i.dst} = 0x${((BigInt(hi >>> 0) << 32n) | BigInt(i.imm >>> 0)).toString(16)} ll`;
  }
  const sz = SZ_NAMES[size(i.op)] ?? '?';
  if (c === LDX && (mode(i.op) === MEM || mode(i.op) === MEMSX)) return `r${i.dst} = *(${mode(i.op) === MEMSX ? 's' : ''}${sz} *)(r${i.src} ${fmtOff(i.off)})`;
  if (c === STX && mode(i.op) === MEM) return `*(${sz} *)(r${i.dst} ${fmtOff(i.off)}) = r${i.src}`;
  if (c === STX && mode(i.op) === ATOMIC) return `atomic 0x${i.imm.toString(16)} *(${sz} *)(r${i.dst} ${fmtOff(i.off)}), r${i.src}`;
  if (c === ST && mode(i.op) === MEM) return `*(${sz} *)(r${i.dst} ${fmtOff(i.off)}) = ${i.imm}`;
  return `unknown opcode 0x${i.op.toString(16)}`;
}

function fmtOff(o: number): string { return o < 0 ? `- ${-o}` : `+ ${o}`; }
