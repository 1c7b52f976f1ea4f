/**
 * The verifier: proves a program safe before it runs, the way the kernel's does (in small):
 * every path is walked with an abstract state per register and stack byte, so that
 *   - opcodes, registers, jump targets (not outside, not into an LD_IMM64) are valid,
 *   - r10 is never written, no register or stack byte is read before it is written,
 *   - there is no back-edge (loops must be unrolled), and the walk is bounded,
 *   - every packet access is inside a range proven by a comparison with data_end,
 *   - map values are accessed only after a NULL check and inside the value,
 *   - helpers are known and get arguments of the right kind.
 * Each rejection is a VerifierError naming the instruction index and the reason.
 *
 * The walk also records, per instruction, what kind of memory each access and helper argument
 * touches (packet, stack, map value of map N, context); the compiler emits direct code from it,
 * so an instruction reached with different kinds on different paths is refused.
 */
import {
  type Insn, cls, size, mode, aluOp, bytesOf, disasm,
  LD, LDX, ST, STX, ALU, JMP, JMP32, ALU64, K, X, IMM, MEM, ATOMIC, DW,
  ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, NEG, MOD, XOR, MOV, ARSH, END,
  JA, JEQ, JGT, JGE, JSET, JNE, JSGT, JSGE, CALL, EXIT, JLT, JLE, JSLT, JSLE,
  FETCH, XCHG, CMPXCHG, LD_IMM64, PSEUDO_MAP_FD, PSEUDO_MAP_VALUE, PSEUDO_CALL,
} from './insn.js';
import { VerifierError } from './errors.js';
import { blocksOf, forwardOrder } from './cfg.js';
import { type MapSpec, MapType, Helper, XdpMd, STACK_SIZE, MAX_CALL_FRAMES, HELPER_NAMES } from './types.js';

/** Where a memory operand points. */
export const enum Region { NONE = 0, CTX = 1, STACK = 2, PACKET = 3, MAP_VALUE = 4 }

export interface MemNote { region: Region; map: number }
/** What the compiler needs to know about each instruction. */
export interface Notes {
  /** Memory instructions: the region; helper calls: the region of each pointer argument r1..r5 (index 1..5). */
  mem: (MemNote | undefined)[];
  args: (MemNote[] | undefined)[];
  /** For helper calls that take a map: its index. */
  callMap: (number | undefined)[];
  /** Start of each function (index 0 is the entry), for bpf-to-bpf calls. */
  functions: number[];
  /** Instructions processed by the walk (the kernel's "processed N insns"). */
  processed: number;
  /**
   * 64-bit ALU ops and jumps whose operands and result are below 2^32 (or pointers) on every
   * path: the compiler emits them on the low word alone (the high word is zero).
   */
  narrow: (boolean | undefined)[];
}

const U64 = 2 ** 64;
const U32MAX = 2 ** 32 - 1;
const SAFE = 2 ** 53;

type Reg =
  | { t: 'uninit' }
  | { t: 'scalar'; min: number; max: number }
  | { t: 'ctx'; off: number }
  | { t: 'fp'; frame: number; off: number }
  | { t: 'pkt'; id: number; off: number }
  | { t: 'pkt_end' }
  | { t: 'pkt_meta' }
  | { t: 'map_ptr'; map: number }
  | { t: 'map_value'; map: number; min: number; max: number }
  | { t: 'map_value_or_null'; map: number; id: number };

const UNINIT: Reg = { t: 'uninit' };
const unknown = (): Reg => ({ t: 'scalar', min: 0, max: U64 });
const bounded = (max: number): Reg => ({ t: 'scalar', min: 0, max });
/** A known value; negative constants are kept exact (as signed) so pointer offsets can use them. */
const konst = (v: number): Reg => (v > -SAFE && v < SAFE ? { t: 'scalar', min: v, max: v } : unknown());

/** Stack byte states. */
const S_INVALID = 0, S_MISC = 1, S_SPILL = 2;

interface Frame {
  regs: Reg[];
  /** 512 byte states, index 0 = fp-512. */
  stack: Uint8Array;
  /** Spilled registers by 8-byte slot (slot 0 = fp-512). */
  spills: (Reg | undefined)[];
  /** Where to continue in the caller after exit. */
  retPc: number;
}

interface State {
  frames: Frame[];
  /** Proven packet range per pointer id (bytes from the id's base). */
  ranges: Map<number, number>;
  nextId: number;
}

/** The walk's budget (the kernel's is 1M; the state comparison here is costlier, so less). */
const MAX_PROCESSED = 400_000;
const MAX_INSNS = 1_000_000;

export function verify(insns: readonly Insn[], maps: readonly MapSpec[]): Notes {
  return new Walker(insns, maps).run();
}

class Walker {
  readonly notes: Notes;
  private seen: Set<string>[] = [];
  private ldImmSecond: Uint8Array;

  constructor(readonly insns: readonly Insn[], readonly maps: readonly MapSpec[]) {
    this.notes = { mem: [], args: [], callMap: [], functions: [0], processed: 0, narrow: [] };
    this.ldImmSecond = new Uint8Array(insns.length);
  }

  fail(pc: number, reason: string): never {
    let text = '';
    try { text = pc >= 0 && pc < this.insns.length ? disasm(this.insns, pc) : ''; } catch { /* keep the reason */ }
    throw new VerifierError(pc, reason, text);
  }

  run(): Notes {
    const n = this.insns.length;
    if (n === 0) this.fail(0, 'empty program');
    if (n > MAX_INSNS) this.fail(0, `program has ${n} instructions, over ${MAX_INSNS}`);
    this.structural();
    const regs: Reg[] = Array.from({ length: 11 }, () => UNINIT);
    regs[1] = { t: 'ctx', off: 0 };
    regs[10] = { t: 'fp', frame: 0, off: 0 };
    const start: State = { frames: [newFrame(regs, -1)], ranges: new Map(), nextId: 1 };
    const work: { pc: number; s: State }[] = [{ pc: 0, s: start }];
    while (work.length > 0) {
      const item = work.pop()!;
      let pc = item.pc;
      let s: State | null = item.s;
      while (s) {
        if (++this.notes.processed > MAX_PROCESSED) this.fail(pc, `program too complex: over ${MAX_PROCESSED} instructions processed`);
        // States are compared only where paths meet (jump targets), as the kernel prunes.
        if (this.joins[pc]) {
          const key = stateKey(s);
          const seen = (this.seen[pc] ??= new Set());
          if (seen.has(key)) break;
          seen.add(key);
        }
        const i = this.insns[pc]!;
        const r = this.step(pc, s);
        if (r.state && r.next === pc + 1 + (i.op === LD_IMM64 ? 1 : 0) && this.fnStart[r.next] && !(i.op === (JMP | CALL) && i.src === PSEUDO_CALL)) {
          this.fail(pc, r.next >= this.insns.length ? 'execution runs off the end of the program' : `execution runs into the function at ${r.next}`);
        }
        if (r.branch) work.push(r.branch);
        pc = r.next;
        s = r.state;
      }
    }
    return this.notes;
  }

  /** Checks that need no state: opcodes, registers, jump targets, back-edges, LD_IMM64 pairs. */
  private structural(): void {
    const insns = this.insns, n = insns.length;
    for (let pc = 0; pc < n; pc++) if (insns[pc]!.op === LD_IMM64 && pc + 1 < n) this.ldImmSecond[++pc] = 1;
    for (let pc = 0; pc < n; pc++) {
      const i = insns[pc]!;
      if (i.op === LD_IMM64) {
        if (pc + 1 >= n) this.fail(pc, 'LD_IMM64 is missing its second half');
        const j = insns[pc + 1]!;
        if (j.op !== 0 || j.dst !== 0 || j.src !== 0 || j.off !== 0) this.fail(pc + 1, 'invalid second half of LD_IMM64');
        if (i.off !== 0) this.fail(pc, 'LD_IMM64 with a non-zero offset');
        if (i.src === PSEUDO_MAP_FD || i.src === PSEUDO_MAP_VALUE) {
          if (i.imm < 0 || i.imm >= this.maps.length) this.fail(pc, `map reference ${i.imm} does not exist (${this.maps.length} maps)`);
        } else if (i.src !== 0) this.fail(pc, `LD_IMM64 with unsupported source ${i.src}`);
        pc++;
        continue;
      }
      if (i.dst > 10 || i.src > 10) this.fail(pc, `invalid register r${i.dst > 10 ? i.dst : i.src}`);
      const c = cls(i.op);
      if (c === JMP || c === JMP32) {
        const o = aluOp(i.op);
        if (o === CALL) {
          if (c !== JMP || (i.op & X)) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
          if (i.src === PSEUDO_CALL) {
            const t = pc + 1 + i.imm;
            if (t < 0 || t >= n) this.fail(pc, `call target ${t} is outside the program`);
            if (!this.notes.functions.includes(t)) this.notes.functions.push(t);
          } else if (i.src !== 0) this.fail(pc, `call with unsupported source ${i.src}`);
          continue;
        }
        if (o === EXIT) {
          if (c !== JMP || (i.op & X)) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
          continue;
        }
        if (o === JA && (c !== JMP || (i.op & X))) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
        if (o > JSLE) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
        const t = pc + 1 + i.off;
        if (t < 0 || t >= n) this.fail(pc, `jump to ${t} is outside the program (0..${n - 1})`);
        if (this.ldImmSecond[t]) this.fail(pc, `jump to ${t} lands in the middle of an LD_IMM64`);
        continue;
      }
      if (c === ALU || c === ALU64) {
        const o = aluOp(i.op);
        if (o > END) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
        if (o === END) {
          if (c !== ALU) this.fail(pc, 'byte swap with class ALU64 (bswap) is not supported');
          if (i.imm !== 16 && i.imm !== 32 && i.imm !== 64) this.fail(pc, `byte swap width ${i.imm} is not 16, 32 or 64`);
        } else if (i.off !== 0) this.fail(pc, `${o === DIV || o === MOD ? 'signed division' : 'sign-extending move'} (cpu v4) is not supported`);
        if (o === NEG && (i.op & X)) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
        if (!(i.op & X) && (o === LSH || o === RSH || o === ARSH) && (i.imm < 0 || i.imm >= (c === ALU64 ? 64 : 32))) this.fail(pc, `shift by ${i.imm} is out of range`);
        if (!(i.op & X) && (o === DIV || o === MOD) && i.imm === 0) this.fail(pc, 'division by zero');
        continue;
      }
      if (c === LDX) {
        if (mode(i.op) !== MEM) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
        continue;
      }
      if (c === STX) {
        const m = mode(i.op);
        if (m === ATOMIC) {
          if (size(i.op) !== DW && size(i.op) !== 0) this.fail(pc, 'atomic operation on a size other than 4 or 8 bytes');
          const base = i.imm & ~FETCH;
          if (![ADD, OR, AND, XOR].includes(base) && i.imm !== XCHG && i.imm !== CMPXCHG) this.fail(pc, `unknown atomic operation 0x${i.imm.toString(16)}`);
        } else if (m !== MEM) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
        continue;
      }
      if (c === ST) {
        if (mode(i.op) !== MEM) this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
        continue;
      }
      this.fail(pc, `unknown opcode 0x${i.op.toString(16)}`);
    }
    const fns = this.notes.functions.sort((a, b) => a - b);
    // Jumps stay inside their function; a function ends in exit or a jump, never runs into the next.
    const fnOf = (pc: number) => { let k = 0; while (k + 1 < fns.length && fns[k + 1]! <= pc) k++; return k; };
    for (let pc = 0; pc < n; pc++) {
      const i = insns[pc]!;
      const c = cls(i.op);
      if (i.op === LD_IMM64) { pc++; continue; }
      if ((c === JMP || c === JMP32) && aluOp(i.op) !== CALL && aluOp(i.op) !== EXIT && fnOf(pc + 1 + i.off) !== fnOf(pc)) {
        this.fail(pc, `jump to ${pc + 1 + i.off} leaves the function`);
      }
    }
    fns.forEach((f, k) => {
      const r = forwardOrder(blocksOf(insns, f, k + 1 < fns.length ? fns[k + 1]! : n), f);
      if ('cycle' in r) this.fail(r.cycle[0], `back-edge to ${r.cycle[1]} closes a loop: loops without a proven bound are not supported`);
    });
    this.joins = new Uint8Array(n + 1);
    for (let pc = 0; pc < n; pc++) {
      const i = insns[pc]!;
      if (i.op === LD_IMM64) { pc++; continue; }
      const c = cls(i.op);
      if ((c === JMP || c === JMP32) && aluOp(i.op) !== EXIT && aluOp(i.op) !== CALL) this.joins[pc + 1 + i.off] = 1;
      if (i.op === (JMP | CALL)) this.joins[pc + 1] = 1; // returns from calls meet there
    }
    this.fnStart = new Uint8Array(n + 1);
    for (const f of fns) this.fnStart[f] = 1;
    this.fnStart[n] = 1;
  }
  private fnStart = new Uint8Array(0);
  /** Jump targets and call returns: where the walk compares states. */
  private joins = new Uint8Array(0);

  private step(pc: number, s: State): { next: number; state: State | null; branch?: { pc: number; s: State } } {
    const i = this.insns[pc]!;
    const f = s.frames[s.frames.length - 1]!;
    const regs = f.regs;
    const c = cls(i.op);
    const rd = (r: number): Reg => {
      const v = regs[r]!;
      if (v.t === 'uninit') this.fail(pc, `r${r} is read before it is written`);
      return v;
    };
    const wr = (r: number, v: Reg) => {
      if (r === 10) this.fail(pc, 'r10 (the frame pointer) is read-only');
      regs[r] = v;
    };
    if (i.op === LD_IMM64) {
      if (i.dst === 10) this.fail(pc, 'r10 (the frame pointer) is read-only');
      if (i.src === PSEUDO_MAP_FD) wr(i.dst, { t: 'map_ptr', map: i.imm });
      else if (i.src === PSEUDO_MAP_VALUE) {
        const m = this.maps[i.imm]!, off = this.insns[pc + 1]!.imm;
        if (m.type !== MapType.ARRAY) this.fail(pc, `direct value access needs an array map, map ${m.name} is ${m.type}`);
        if (off < 0 || off >= m.valueSize) this.fail(pc, `direct value offset ${off} is outside map ${m.name} value (${m.valueSize} bytes)`);
        wr(i.dst, { t: 'map_value', map: i.imm, min: off, max: off });
      } else {
        const lo = i.imm >>> 0, hi = this.insns[pc + 1]!.imm >>> 0;
        wr(i.dst, hi === 0 ? konst(lo) : unknown());
      }
      return { next: pc + 2, state: s };
    }
    if (c === ALU || c === ALU64) {
      this.alu(pc, i, regs, rd, wr, s);
      return { next: pc + 1, state: s };
    }
    if (c === LDX) {
      const p = rd(i.src);
      const n = bytesOf(size(i.op));
      const v = this.access(pc, s, p, i.src, i.off, n, 'read');
      wr(i.dst, v ?? bounded(2 ** (8 * n) - 1));
      return { next: pc + 1, state: s };
    }
    if (c === ST || c === STX) {
      const p = rd(i.dst);
      const n = bytesOf(size(i.op));
      if (c === STX && mode(i.op) === ATOMIC) {
        const v = rd(i.src);
        if (v.t !== 'scalar') this.fail(pc, `atomic operand r${i.src} is a pointer`);
        if (p.t !== 'map_value' && p.t !== 'fp') this.fail(pc, `atomic operation into r${i.dst} (${p.t}) is not allowed`);
        this.access(pc, s, p, i.dst, i.off, n, 'read');
        this.access(pc, s, p, i.dst, i.off, n, 'write', unknown());
        if (i.imm === CMPXCHG) { rd(0); regs[0] = n === 8 ? unknown() : bounded(U32MAX); }
        else if (i.imm & FETCH) wr(i.src, n === 8 ? unknown() : bounded(U32MAX));
        return { next: pc + 1, state: s };
      }
      const v = c === STX ? rd(i.src) : konst(i.imm >>> 0);
      this.access(pc, s, p, i.dst, i.off, n, 'write', v);
      return { next: pc + 1, state: s };
    }
    // JMP / JMP32
    const o = aluOp(i.op);
    if (o === EXIT) {
      const r0 = rd(0);
      if (s.frames.length === 1) {
        if (r0.t !== 'scalar') this.fail(pc, `r0 at exit is a pointer (${r0.t}), not a scalar`);
        return { next: -1, state: null };
      }
      s.frames.pop();
      const caller = s.frames[s.frames.length - 1]!;
      caller.regs[0] = r0;
      for (let r = 1; r <= 5; r++) caller.regs[r] = UNINIT;
      return { next: f.retPc, state: s };
    }
    if (o === CALL) {
      if (i.src === PSEUDO_CALL) {
        if (s.frames.length >= MAX_CALL_FRAMES) this.fail(pc, `call depth over ${MAX_CALL_FRAMES}`);
        const nregs: Reg[] = Array.from({ length: 11 }, () => UNINIT);
        for (let r = 1; r <= 5; r++) nregs[r] = regs[r]!;
        nregs[10] = { t: 'fp', frame: s.frames.length, off: 0 };
        s.frames.push(newFrame(nregs, pc + 1));
        return { next: pc + 1 + i.imm, state: s };
      }
      this.helper(pc, i.imm, s, regs, rd);
      return { next: pc + 1, state: s };
    }
    if (o === JA) return { next: pc + 1 + i.off, state: s };
    return this.cond(pc, i, s, regs, rd);
  }

  private alu(pc: number, i: Insn, regs: Reg[], rd: (r: number) => Reg, wr: (r: number, v: Reg) => void, s: State): void {
    const wide = cls(i.op) === ALU64;
    const o = aluOp(i.op);
    if (o === MOV) {
      if (i.op & X) {
        const v = rd(i.src);
        if (!wide && v.t !== 'scalar') { wr(i.dst, bounded(U32MAX)); return; }
        wr(i.dst, wide ? v : clamp32(v));
      } else {
        const v = wide ? konst(i.imm) : konst(i.imm >>> 0);
        wr(i.dst, v);
      }
      return;
    }
    const d = rd(i.dst);
    if (o === NEG) { if (d.t !== 'scalar') this.fail(pc, `arithmetic on pointer r${i.dst} prohibited`); wr(i.dst, wide ? unknown() : bounded(U32MAX)); return; }
    if (o === END) {
      if (d.t !== 'scalar') this.fail(pc, `byte swap of pointer r${i.dst} prohibited`);
      wr(i.dst, i.imm === 64 ? unknown() : bounded(2 ** i.imm - 1));
      return;
    }
    const sv: Reg = (i.op & X) ? rd(i.src) : (wide ? konst(i.imm) : konst(i.imm >>> 0));
    if (d.t !== 'scalar' || sv.t !== 'scalar') {
      // As the kernel for privileged loaders: a 32-bit subtraction (clang's `(u32)(end - data)`) is a plain number.
      if (!wide && o === SUB) { wr(i.dst, bounded(U32MAX)); return; }
      if (!wide) this.fail(pc, `32-bit arithmetic on pointer r${d.t !== 'scalar' ? i.dst : i.src} prohibited`);
      const r = this.ptrArith(pc, i, o, d, sv, s);
      // Pointers are offsets below 2^31 with a zero high word: their arithmetic needs no carry.
      if (wide) this.narrow(pc, r.t !== 'scalar' && (o === ADD || o === SUB));
      wr(i.dst, r);
      return;
    }
    let r = wide ? scalarOp(o, d, sv, true) : scalarOp(o, clamp32(d) as typeof d, clamp32(sv) as typeof sv, false);
    if (wide) this.narrow(pc, r.t === 'scalar' && isU32(d) && isU32(sv) && isU32(r) && o !== ARSH && o !== SUB && o !== DIV && o !== MOD && ((o !== LSH && o !== RSH) || sv.max < 32));
    if (!wide) r = clamp32(r) as typeof r;
    wr(i.dst, r);
  }

  private ptrArith(pc: number, i: Insn, o: number, d: Reg, sv: Reg, s: State): Reg {
    const name = i.dst;
    if (o === SUB && d.t === 'pkt' && (sv.t === 'pkt' || sv.t === 'pkt_end')) return bounded(0xffff);
    if (o === SUB && d.t === 'pkt_end' && sv.t === 'pkt') return bounded(0xffff);
    if (o === SUB && d.t === 'fp' && sv.t === 'fp') return unknown();
    if (o !== ADD && o !== SUB) this.fail(pc, `${opName(o)} on pointer r${name} prohibited`);
    let ptr = d, sc = sv;
    if (d.t === 'scalar') {
      if (o === SUB) this.fail(pc, `subtracting a pointer from a scalar prohibited`);
      ptr = sv; sc = d;
    }
    if (sc.t !== 'scalar') this.fail(pc, `arithmetic between two pointers prohibited`);
    // A constant, negative for SUB; two's complement immediates come in as 2^64 - k.
    const isConst = sc.min === sc.max;
    let k = isConst ? sc.min : NaN;
    if (o === SUB && isConst) k = -k;
    switch (ptr.t) {
      case 'fp':
        if (!isConst) this.fail(pc, 'variable offset on the stack pointer prohibited');
        return { t: 'fp', frame: ptr.frame, off: ptr.off + k };
      case 'ctx':
        if (!isConst) this.fail(pc, 'variable offset on the context pointer prohibited');
        return { t: 'ctx', off: ptr.off + k };
      case 'pkt':
        if (isConst) {
          if (Math.abs(ptr.off + k) > 0xffff) this.fail(pc, `packet pointer offset ${ptr.off + k} out of range`);
          return { t: 'pkt', id: ptr.id, off: ptr.off + k };
        }
        if (o === SUB || sc.max > 0xffff) this.fail(pc, `variable packet offset r${i.op & X ? i.src : i.dst} is unbounded (max ${sc.max})`);
        // A new base: nothing about its range is known until it is compared with data_end.
        return { t: 'pkt', id: s.nextId++, off: 0 };
      case 'map_value':
        if (isConst) return { t: 'map_value', map: ptr.map, min: ptr.min + k, max: ptr.max + k };
        if (o === SUB || sc.max > 1 << 29) this.fail(pc, `variable map value offset is unbounded (max ${sc.max})`);
        return { t: 'map_value', map: ptr.map, min: ptr.min + sc.min, max: ptr.max + sc.max };
      case 'map_value_or_null':
        this.fail(pc, `arithmetic on r${name} (map value or NULL) before a NULL check prohibited`);
      // falls through (fail never returns)
      default:
        this.fail(pc, `arithmetic on pointer r${name} (${ptr.t}) prohibited`);
    }
  }

  /** Check a memory access; returns the value a read gives when it is known (spills, ctx fields). */
  private access(pc: number, s: State, p: Reg, reg: number, insnOff: number, n: number, kind: 'read' | 'write', value?: Reg): Reg | undefined {
    const note = (region: Region, map = -1) => this.note(pc, region, map);
    switch (p.t) {
      case 'ctx': {
        const off = p.off + insnOff;
        if (kind === 'write') this.fail(pc, `write into the context (offset ${off}) prohibited`);
        if (n !== 4 || off < 0 || off > XdpMd.EGRESS_IFINDEX || off % 4 !== 0) this.fail(pc, `invalid xdp_md access off=${off} size=${n}`);
        if (off === XdpMd.EGRESS_IFINDEX) this.fail(pc, 'xdp_md.egress_ifindex is only for devmap programs');
        note(Region.CTX);
        if (off === XdpMd.DATA) return { t: 'pkt', id: 0, off: 0 };
        if (off === XdpMd.DATA_END) return { t: 'pkt_end' };
        if (off === XdpMd.DATA_META) return { t: 'pkt_meta' };
        return bounded(U32MAX);
      }
      case 'fp': {
        const off = p.off + insnOff;
        if (off < -STACK_SIZE || off + n > 0) this.fail(pc, `invalid stack access off=${off} size=${n}`);
        note(Region.STACK);
        const fr = s.frames[p.frame]!;
        const b = off + STACK_SIZE;
        if (kind === 'write') {
          if (n === 8 && b % 8 === 0 && value) {
            fr.stack.fill(S_SPILL, b, b + 8);
            fr.spills[b / 8] = value;
          } else {
            for (let k = b; k < b + n; k++) {
              if (fr.stack[k] === S_SPILL) this.unspill(fr, k);
              fr.stack[k] = S_MISC;
            }
          }
          return undefined;
        }
        for (let k = b; k < b + n; k++) if (fr.stack[k] === S_INVALID) this.fail(pc, `invalid read from stack off=${off} size=${n} (byte ${k - STACK_SIZE} not written)`);
        if (n === 8 && b % 8 === 0 && fr.stack[b] === S_SPILL) return fr.spills[b / 8];
        for (let k = b; k < b + n; k++) {
          if (fr.stack[k] === S_SPILL) {
            const sp = fr.spills[Math.floor(k / 8)];
            if (sp && sp.t !== 'scalar') this.fail(pc, `partial read of a spilled pointer at stack off=${off}`);
          }
        }
        return undefined;
      }
      case 'pkt': {
        const off = p.off + insnOff;
        if (off < 0) this.fail(pc, `invalid access to packet, off=${off} size=${n}: before the start of the packet`);
        const range = s.ranges.get(p.id) ?? 0;
        if (off + n > range) this.fail(pc, `invalid access to packet, off=${off} size=${n}, r${reg} proven range is ${range} bytes (no data_end check covers it)`);
        note(Region.PACKET);
        return undefined;
      }
      case 'map_value': {
        const m = this.maps[p.map]!;
        if (kind === 'write' && m.readonly) this.fail(pc, `write into read-only map ${m.name}`);
        if (p.min + insnOff < 0 || p.max + insnOff + n > m.valueSize) {
          this.fail(pc, `invalid access to map value of ${m.name}, off=${p.min + insnOff}..${p.max + insnOff} size=${n} value_size=${m.valueSize}`);
        }
        note(Region.MAP_VALUE, p.map);
        return undefined;
      }
      case 'map_value_or_null':
        this.fail(pc, `r${reg} is a map value or NULL: check it against NULL before the access`);
      // falls through
      default:
        this.fail(pc, `invalid memory access through r${reg} (${p.t})`);
    }
  }

  private unspill(fr: Frame, k: number): void {
    const slot = Math.floor(k / 8);
    fr.spills[slot] = undefined;
    // The rest of the slot keeps data of the old spill: it is readable as unknown bytes.
    for (let j = slot * 8; j < slot * 8 + 8; j++) if (fr.stack[j] === S_SPILL) fr.stack[j] = S_MISC;
  }

  /** Record whether a 64-bit ALU op or jump works on values that fit 32 bits on this path (all paths must agree). */
  private narrow(pc: number, ok: boolean): void {
    const n = this.notes.narrow;
    n[pc] = n[pc] === undefined ? ok : n[pc]! && ok;
  }

  private note(pc: number, region: Region, map: number): void {
    const old = this.notes.mem[pc];
    if (old && (old.region !== region || old.map !== map)) this.fail(pc, 'memory operand points to different kinds of memory on different paths');
    this.notes.mem[pc] = { region, map };
  }

  /** A pointer argument of a helper: readable (or writable) for `n` bytes. */
  private memArg(pc: number, s: State, argNo: number, p: Reg, n: number, write: boolean, notes: MemNote[]): void {
    const what = `argument ${argNo} (r${argNo})`;
    let region: Region, map = -1;
    if (p.t === 'fp') {
      region = Region.STACK;
      const fr = s.frames[p.frame]!;
      if (p.off < -STACK_SIZE || p.off + n > 0) this.fail(pc, `${what}: stack range off=${p.off} size=${n} is outside the stack`);
      for (let k = p.off + STACK_SIZE; k < p.off + STACK_SIZE + n; k++) {
        if (write) {
          if (fr.stack[k] === S_SPILL) this.unspill(fr, k);
          fr.stack[k] = S_MISC;
        } else if (fr.stack[k] === S_INVALID) this.fail(pc, `${what}: stack byte off=${k - STACK_SIZE} is read before it is written`);
      }
    } else if (p.t === 'map_value') {
      region = Region.MAP_VALUE; map = p.map;
      const m = this.maps[p.map]!;
      if (write && m.readonly) this.fail(pc, `${what}: write into read-only map ${m.name}`);
      if (p.min < 0 || p.max + n > m.valueSize) this.fail(pc, `${what}: map value range ${p.min}..${p.max}+${n} is outside ${m.name} (${m.valueSize})`);
    } else if (p.t === 'pkt') {
      region = Region.PACKET;
      const range = s.ranges.get(p.id) ?? 0;
      if (p.off < 0 || p.off + n > range) this.fail(pc, `${what}: packet range off=${p.off} size=${n} is outside the proven range ${range}`);
    } else {
      this.fail(pc, `${what}: expected a pointer to memory, got ${p.t}`);
    }
    const prev = this.notes.args[pc]?.[argNo];
    if (prev && (prev.region !== region || prev.map !== map)) this.fail(pc, `${what} points to different kinds of memory on different paths`);
    notes[argNo] = { region, map };
  }

  private helper(pc: number, id: number, s: State, regs: Reg[], rd: (r: number) => Reg): void {
    const name = HELPER_NAMES[id];
    if (!name) this.fail(pc, `unknown helper ${id}`);
    const notes: MemNote[] = [];
    const mapArg = (types: number[]): MapSpec => {
      const m = rd(1);
      if (m.t !== 'map_ptr') this.fail(pc, `${name}: argument 1 (r1) must be a map, got ${m.t}`);
      const spec = this.maps[m.map]!;
      if (!types.includes(spec.type)) this.fail(pc, `${name}: map ${spec.name} has type ${spec.type}, which this helper does not take`);
      const prev = this.notes.callMap[pc];
      if (prev !== undefined && prev !== m.map) this.fail(pc, `${name}: different maps on different paths`);
      this.notes.callMap[pc] = m.map;
      return spec;
    };
    const scalarArg = (r: number): { min: number; max: number } => {
      const v = rd(r);
      if (v.t !== 'scalar') this.fail(pc, `${name}: argument ${r} (r${r}) must be a scalar, got ${v.t}`);
      return v;
    };
    const ctxArg = () => { const v = rd(1); if (v.t !== 'ctx' || v.off !== 0) this.fail(pc, `${name}: argument 1 (r1) must be the context`); };
    const dataMaps = [MapType.HASH, MapType.ARRAY, MapType.PERCPU_ARRAY, MapType.LRU_HASH];
    let r0: Reg = unknown();
    let clearPackets = false;
    switch (id) {
      case Helper.MAP_LOOKUP_ELEM: {
        const m = mapArg(dataMaps);
        this.memArg(pc, s, 2, rd(2), m.keySize, false, notes);
        r0 = { t: 'map_value_or_null', map: (regs[1] as { map: number }).map, id: s.nextId++ };
        break;
      }
      case Helper.MAP_UPDATE_ELEM: {
        const m = mapArg(dataMaps);
        this.memArg(pc, s, 2, rd(2), m.keySize, false, notes);
        this.memArg(pc, s, 3, rd(3), m.valueSize, false, notes);
        scalarArg(4);
        break;
      }
      case Helper.MAP_DELETE_ELEM: {
        const m = mapArg(dataMaps);
        this.memArg(pc, s, 2, rd(2), m.keySize, false, notes);
        break;
      }
      case Helper.KTIME_GET_NS: break;
      case Helper.GET_PRANDOM_U32: r0 = bounded(U32MAX); break;
      case Helper.CSUM_DIFF: {
        for (const [p, sz] of [[1, 2], [3, 4]] as const) {
          const len = scalarArg(sz);
          if (len.max > 512) this.fail(pc, `${name}: size argument r${sz} is not bounded by 512 (max ${len.max})`);
          const ptr = rd(p);
          if (len.max === 0 && ptr.t === 'scalar') continue;
          this.memArg(pc, s, p, ptr, len.max, false, notes);
        }
        scalarArg(5);
        break;
      }
      case Helper.XDP_ADJUST_HEAD: case Helper.XDP_ADJUST_TAIL:
        ctxArg(); scalarArg(2); clearPackets = true; break;
      case Helper.REDIRECT_MAP:
        mapArg([MapType.DEVMAP, MapType.DEVMAP_HASH, MapType.XSKMAP]); scalarArg(2); scalarArg(3); break;
      case Helper.REDIRECT:
        scalarArg(1); scalarArg(2); break;
      case Helper.FIB_LOOKUP: {
        ctxArg();
        const len = scalarArg(3);
        if (len.min !== len.max) this.fail(pc, `${name}: size argument r3 must be a constant`);
        this.memArg(pc, s, 2, rd(2), len.max, true, notes);
        scalarArg(4);
        break;
      }
      case Helper.XDP_LOAD_BYTES: case Helper.XDP_STORE_BYTES: {
        ctxArg(); scalarArg(2);
        const len = scalarArg(4);
        if (len.min < 1 || len.max > 0xffff) this.fail(pc, `${name}: size argument r4 must be between 1 and 65535 (got ${len.min}..${len.max})`);
        this.memArg(pc, s, 3, rd(3), len.max, id === Helper.XDP_LOAD_BYTES, notes);
        break;
      }
      default: this.fail(pc, `helper ${id} (${name}) is not available to XDP programs in Sluice`);
    }
    this.notes.args[pc] = notes;
    regs[0] = r0;
    for (let r = 1; r <= 5; r++) regs[r] = UNINIT;
    if (clearPackets) {
      // The packet moved: every pointer into it is now a plain number (the kernel does the same).
      for (const fr of s.frames) {
        for (let r = 0; r < 11; r++) if (isPkt(fr.regs[r]!)) fr.regs[r] = unknown();
        fr.spills.forEach((sp, k) => { if (sp && isPkt(sp)) fr.spills[k] = unknown(); });
      }
      s.ranges.clear();
    }
  }

  private cond(pc: number, i: Insn, s: State, regs: Reg[], rd: (r: number) => Reg) {
    const o = aluOp(i.op);
    const wide = cls(i.op) === JMP;
    const a = rd(i.dst);
    const b: Reg = (i.op & X) ? rd(i.src) : (wide ? konst(i.imm) : konst(i.imm >>> 0));
    const target = pc + 1 + i.off;
    if (wide) {
      const small = (r: Reg) => (r.t === 'scalar' ? isU32(r) : r.t === 'pkt' || r.t === 'pkt_end' || r.t === 'fp' || r.t === 'map_value' || r.t === 'ctx');
      this.narrow(pc, small(a) && small(b) && (o === JEQ || o === JNE || o === JGT || o === JGE || o === JLT || o === JLE || o === JSET));
    }
    // Which way can it go? (null checks and known scalars decide some)
    let canTake = true, canFall = true;
    if (a.t === 'scalar' && b.t === 'scalar' && (wide || (a.min >= 0 && b.min >= 0 && a.max <= U32MAX && b.max <= U32MAX))) {
      const d = decide(o, a, b);
      if (d === true) canFall = false;
      else if (d === false) canTake = false;
    }
    let taken: State | null = canTake ? cloneState(s) : null;
    let fall: State | null = canFall ? s : null;
    // NULL checks on map_value_or_null
    if (a.t === 'map_value_or_null' && b.t === 'scalar' && b.min === 0 && b.max === 0 && (o === JEQ || o === JNE)) {
      const nullSide = o === JEQ ? taken : fall, valSide = o === JEQ ? fall : taken;
      if (nullSide) markNull(nullSide, a.id, true);
      if (valSide) markNull(valSide, a.id, false);
    } else if ((a.t === 'map_value_or_null' || b.t === 'map_value_or_null') && !(o === JEQ || o === JNE)) {
      this.fail(pc, 'comparison of a map value or NULL other than ==/!= 0 prohibited');
    }
    // Packet range checks
    const pe = (x: Reg) => x.t === 'pkt_end';
    if (wide && a.t === 'pkt' && pe(b)) {
      // a OP end
      if (o === JGT || o === JGE) { if (fall) extend(fall, a); }
      else if (o === JLT || o === JLE) { if (taken) extend(taken, a); }
    } else if (wide && pe(a) && b.t === 'pkt') {
      if (o === JGT || o === JGE) { if (taken) extend(taken, b); }
      else if (o === JLT || o === JLE) { if (fall) extend(fall, b); }
    } else if (wide && a.t === 'scalar' && b.t === 'scalar') {
      if (taken) refine(taken, i.dst, o, b, true);
      if (fall) refine(fall, i.dst, o, b, false);
    } else if ((a.t !== 'scalar' || b.t !== 'scalar') && !(a.t === 'pkt' || a.t === 'pkt_end' || a.t === 'pkt_meta' || a.t === 'map_value_or_null') && !(o === JEQ || o === JNE)) {
      this.fail(pc, `pointer comparison r${i.dst} (${a.t}) prohibited`);
    }
    if (!fall) { taken = taken!; return { next: target, state: taken }; }
    return { next: pc + 1, state: fall, branch: taken ? { pc: target, s: taken } : undefined };
  }
}

function isPkt(r: Reg): boolean { return r.t === 'pkt' || r.t === 'pkt_end' || r.t === 'pkt_meta'; }

function newFrame(regs: Reg[], retPc: number): Frame {
  return { regs, stack: new Uint8Array(STACK_SIZE), spills: new Array(STACK_SIZE / 8), retPc };
}

function cloneState(s: State): State {
  return {
    frames: s.frames.map((f) => ({ regs: f.regs.slice(), stack: f.stack.slice(), spills: f.spills.slice(), retPc: f.retPc })),
    ranges: new Map(s.ranges), nextId: s.nextId,
  };
}

function extend(s: State, p: Reg & { t: 'pkt' }): void {
  if (p.off <= 0) return;
  const cur = s.ranges.get(p.id) ?? 0;
  if (p.off > cur) s.ranges.set(p.id, p.off);
}

function markNull(s: State, id: number, isNull: boolean): void {
  for (const f of s.frames) {
    const fix = (r: Reg | undefined): Reg | undefined => {
      if (!r || r.t !== 'map_value_or_null' || r.id !== id) return r;
      return isNull ? konst(0) : { t: 'map_value', map: r.map, min: 0, max: 0 };
    };
    for (let k = 0; k < 11; k++) f.regs[k] = fix(f.regs[k])!;
    for (let k = 0; k < f.spills.length; k++) f.spills[k] = fix(f.spills[k]);
  }
}

/** Narrow the unsigned bounds of a scalar register after a 64-bit comparison with b. */
function refine(s: State, reg: number, o: number, b: { min: number; max: number }, taken: boolean): void {
  const f = s.frames[s.frames.length - 1]!;
  const a = f.regs[reg]!;
  if (a.t !== 'scalar' || a.min < 0 || b.min < 0) return;
  let { min, max } = a;
  // Normalise to: a < b, a <= b, a > b, a >= b, a == b, a != b
  let op = o;
  if (!taken) {
    op = ({ [JGT]: JLE, [JGE]: JLT, [JLT]: JGE, [JLE]: JGT, [JEQ]: JNE, [JNE]: JEQ } as Record<number, number>)[o] ?? -1;
  }
  switch (op) {
    case JGT: min = Math.max(min, b.min + 1); break;
    case JGE: min = Math.max(min, b.min); break;
    case JLT: max = Math.min(max, b.max - 1); break;
    case JLE: max = Math.min(max, b.max); break;
    case JEQ: min = Math.max(min, b.min); max = Math.min(max, b.max); break;
    default: return;
  }
  if (min > max) return; // contradictory: the path is dead, leave it conservative
  f.regs[reg] = { t: 'scalar', min, max };
}

/** true: always taken, false: never, undefined: either. */
function decide(o: number, a: { min: number; max: number }, b: { min: number; max: number }): boolean | undefined {
  if (a.min < 0 || b.min < 0) return a.min === a.max && b.min === b.max && (o === JEQ || o === JNE) ? (a.min === b.min) === (o === JEQ) : undefined;
  const ac = a.min === a.max, bc = b.min === b.max;
  switch (o) {
    case JEQ: if (ac && bc) return a.min === b.min; if (a.max < b.min || a.min > b.max) return false; return undefined;
    case JNE: if (ac && bc) return a.min !== b.min; if (a.max < b.min || a.min > b.max) return true; return undefined;
    case JGT: if (a.min > b.max) return true; if (a.max <= b.min) return false; return undefined;
    case JGE: if (a.min >= b.max) return true; if (a.max < b.min) return false; return undefined;
    case JLT: if (a.max < b.min) return true; if (a.min >= b.max) return false; return undefined;
    case JLE: if (a.max <= b.min) return true; if (a.min > b.max) return false; return undefined;
    default: return undefined;
  }
}

function isU32(r: { min: number; max: number } | Reg): boolean {
  return 'min' in r && 'max' in r && r.min >= 0 && r.max <= U32MAX && (r as Reg).t === 'scalar';
}

function clamp32(v: Reg): Reg {
  if (v.t !== 'scalar') return bounded(U32MAX);
  if (v.min === v.max) return konst(v.min >>> 0);
  if (v.min < 0) return bounded(U32MAX);
  if (v.max <= U32MAX) return v;
  return bounded(U32MAX);
}

function scalarOp(o: number, a: { min: number; max: number }, b: { min: number; max: number }, wide: boolean): Reg {
  const bc = b.min === b.max, ac = a.min === a.max;
  if (a.min < 0 || b.min < 0) {
    // A negative constant on one side: exact for + - * of constants, else unknown.
    if (ac && bc && o === ADD) return konst(a.min + b.min);
    if (ac && bc && o === SUB) return konst(a.min - b.min);
    if (ac && bc && o === MUL && Math.abs(a.min * b.min) < SAFE) return konst(a.min * b.min);
    return unknown();
  }
  const top = wide ? U64 : U32MAX;
  switch (o) {
    case ADD: return a.max + b.max < SAFE ? { t: 'scalar', min: a.min + b.min, max: a.max + b.max } : unknown();
    case SUB: return ac && bc && a.min >= b.min ? konst(a.min - b.min) : unknown();
    case MUL: return a.max * b.max < SAFE ? { t: 'scalar', min: a.min * b.min, max: a.max * b.max } : unknown();
    case DIV: return bc && b.min > 0 ? { t: 'scalar', min: Math.floor(a.min / b.min), max: Math.floor(a.max / b.min) } : { t: 'scalar', min: 0, max: a.max };
    case MOD: return bc && b.min > 0 ? bounded(Math.min(a.max, b.min - 1)) : { t: 'scalar', min: 0, max: a.max };
    case AND: return bounded(Math.min(a.max, b.max));
    case OR: case XOR: {
      const m = Math.max(a.max, b.max);
      if (m >= SAFE) return unknown();
      const p2 = 2 ** Math.ceil(Math.log2(m + 1));
      return o === OR ? { t: 'scalar', min: Math.max(a.min, b.min), max: p2 - 1 } : bounded(p2 - 1);
    }
    case LSH: return bc && a.max * 2 ** b.min < SAFE ? { t: 'scalar', min: a.min * 2 ** b.min, max: a.max * 2 ** b.min } : unknown();
    case RSH: return bc ? { t: 'scalar', min: Math.floor(a.min / 2 ** b.min), max: Math.floor(a.max / 2 ** b.min) } : { t: 'scalar', min: 0, max: a.max };
    case ARSH: return bc && a.max < (wide ? 2 ** 63 : 2 ** 31) ? { t: 'scalar', min: Math.floor(a.min / 2 ** b.min), max: Math.floor(a.max / 2 ** b.min) } : bounded(top);
    default: return unknown();
  }
}

function opName(o: number): string {
  return ({ [MUL]: 'multiplication', [DIV]: 'division', [OR]: 'bitwise or', [AND]: 'bitwise and', [LSH]: 'left shift', [RSH]: 'right shift', [MOD]: 'modulo', [XOR]: 'xor', [ARSH]: 'arithmetic shift' } as Record<number, string>)[o] ?? `op 0x${o.toString(16)}`;
}

/** A canonical text of a state (pointer ids renumbered) for pruning identical states. */
function stateKey(s: State): string {
  const ids = new Map<number, number>();
  const id = (n: number) => { let v = ids.get(n); if (v === undefined) { v = ids.size; ids.set(n, v); } return v; };
  const reg = (r: Reg | undefined): string => {
    if (!r) return '_';
    switch (r.t) {
      case 'uninit': return 'u';
      case 'scalar': return r.min === 0 && r.max === U64 ? 's' : `s${r.min}:${r.max}`;
      case 'ctx': return `c${r.off}`;
      case 'fp': return `f${r.frame}:${r.off}`;
      case 'pkt': return `p${id(r.id)}:${r.off}:${s.ranges.get(r.id) ?? 0}`;
      case 'pkt_end': return 'e';
      case 'pkt_meta': return 'm';
      case 'map_ptr': return `M${r.map}`;
      case 'map_value': return `v${r.map}:${r.min}:${r.max}`;
      case 'map_value_or_null': return `n${r.map}:${id(r.id)}`;
    }
  };
  let out = `${s.ranges.get(0) ?? 0}|`;
  for (const f of s.frames) {
    out += f.retPc + ':' + f.regs.map(reg).join(',') + '|';
    let st = '';
    for (let k = 0; k < STACK_SIZE; k++) st += f.stack[k];
    out += st + '|';
    f.spills.forEach((sp, k) => { if (sp) out += `${k}=${reg(sp)},`; });
  }
  return out;
}
