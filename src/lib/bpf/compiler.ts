/**
 * Compile verified bytecode to one JavaScript function per program (generated once, then
 * JIT-compiled by V8 like any other code). Each eBPF register is a pair of int32 locals
 * (lN low word, hN high word): ALU32 works on the low word alone, 64-bit arithmetic carries
 * between the two, and no value is ever a BigInt. Pointers are offsets into the array of the
 * memory they point to (packet buffer, stack, a map's values); which array an instruction
 * touches comes from the verifier's notes, so each access is one DataView call. Packet
 * accesses are still checked against [data, data_end) at run time (a verifier slip cannot
 * read another packet; one check per run of accesses through the same pointer, see
 * packetChecks), and a failed check aborts the run (XDP_ABORTED).
 *
 * Control flow: the verifier allows forward jumps only, so a jump to t is `break Lt` out of
 * a block that opens at the function's start and closes just before t; blocks nest by
 * target. bpf-to-bpf calls are calls of inner functions taking r1..r5 and the frame pointer.
 */
import {
  type Insn, cls, size, mode, aluOp, bytesOf,
  LDX, ST, STX, ALU, JMP, JMP32, ALU64, X, ATOMIC, B, H, W, DW,
  ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, NEG, MOD, XOR, MOV, ARSH, END,
  JA, JEQ, JGT, JGE, JSET, JNE, JSGT, JSGE, CALL, EXIT, JLT, JLE, JSLT, JSLE,
  FETCH, XCHG, CMPXCHG, LD_IMM64, PSEUDO_MAP_FD, PSEUDO_MAP_VALUE, PSEUDO_CALL,
} from './insn.js';
import { type Notes, type MemNote, Region } from './verifier.js';
import { Helper, XdpMd, STACK_SIZE, MAX_CALL_FRAMES } from './types.js';
import type { BpfMap } from './maps.js';
import { blocksOf, forwardOrder } from './cfg.js';
import type { XdpBuff } from './xdp-buff.js';
import * as helpers from './helpers.js';
import type { HelperEnv } from './helpers.js';
import { BpfError } from './errors.js';

/** Runs the program on the packet framed in `x`; returns r0 (low 32 bits). */
export type CompiledProgram = (x: XdpBuff) => number;

export class PacketBoundsError extends BpfError {}

/** `shared`: other engines run the same program on the same maps (atomic instructions on map values become Atomics). */
export function compile(insns: readonly Insn[], notes: Notes, maps: readonly BpfMap[], env: HelperEnv, shared = false): CompiledProgram {
  const src = generate(insns, notes, maps.length, shared);
  const factory = new Function('rt', src) as (rt: unknown) => CompiledProgram;
  return factory({ maps, env, helpers, OOB: new PacketBoundsError('packet access outside [data, data_end)'), STACK: STACK_SIZE * MAX_CALL_FRAMES });
}

/** The source of the factory (exported for tests and `sluice bpf show --js`). */
export function generate(insns: readonly Insn[], notes: Notes, mapCount: number, shared = false): string {
  const fns = notes.functions;
  let out = `'use strict';
const maps = rt.maps, env = rt.env, Hp = rt.helpers, OOB = rt.OOB;
const sd = new Uint8Array(rt.STACK), sv = new DataView(sd.buffer);
let x = null, pd = sd, pv = sv, ps = 0, pe = 0, rh = 0, th = 0;
`;
  for (let m = 0; m < mapCount; m++) {
    out += `const m${m} = maps[${m}], md${m} = m${m}.values, mv${m} = new DataView(md${m}.buffer, md${m}.byteOffset, md${m}.byteLength);\n`;
    if (shared) out += `const mi${m} = new Int32Array(md${m}.buffer, md${m}.byteOffset, md${m}.byteLength >> 2), mb${m} = new BigInt64Array(md${m}.buffer, md${m}.byteOffset, md${m}.byteLength >> 3);\n`;
    out += `const g${m} = m${m}.spec.type === 2 ? m${m}.lookup(new Uint8Array(4), 0) : 0;\n`;
  }
  out += PRELUDE;
  fns.forEach((start, k) => {
    const end = k + 1 < fns.length ? fns[k + 1]! : insns.length;
    out += fnSource(insns, notes, start, end, fns, shared);
  });
  out += `return function run(buf) {
  x = buf;
  if (pd !== buf.data) { pd = buf.data; pv = buf.dv; }
  ps = buf.start; pe = buf.end;
  try { return f0(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ${STACK_SIZE}) >>> 0; }
  catch (e) { buf.faults++; return 0; } // OOB (a packet access outside [data, data_end)) or a DataView range error
};`;
  return out;
}

const PRELUDE = `
function mul64(al, ah, bl, bh) {
  const a48 = ah >>> 16, a32 = ah & 0xffff, a16 = al >>> 16, a00 = al & 0xffff;
  const b48 = bh >>> 16, b32 = bh & 0xffff, b16 = bl >>> 16, b00 = bl & 0xffff;
  let c48 = 0, c32 = 0, c16 = 0, c00 = 0;
  c00 += a00 * b00; c16 += c00 >>> 16; c00 &= 0xffff;
  c16 += a16 * b00; c32 += c16 >>> 16; c16 &= 0xffff;
  c16 += a00 * b16; c32 += c16 >>> 16; c16 &= 0xffff;
  c32 += a32 * b00; c48 += c32 >>> 16; c32 &= 0xffff;
  c32 += a16 * b16; c48 += c32 >>> 16; c32 &= 0xffff;
  c32 += a00 * b32; c48 += c32 >>> 16; c32 &= 0xffff;
  c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48; c48 &= 0xffff;
  th = (c48 << 16) | c32;
  return (c16 << 16) | c00;
}
// Unsigned 64-bit division (mod = false) or remainder; b != 0. th = high word.
function divmod64(al, ah, bl, bh, mod) {
  const a = (ah >>> 0) * 4294967296 + (al >>> 0), b = (bh >>> 0) * 4294967296 + (bl >>> 0);
  if (a < 9007199254740992 && b < 9007199254740992) {
    let q = Math.floor(a / b), r = a - q * b;
    if (r < 0) { q -= 1; r += b; } else if (r >= b) { q += 1; r -= b; }
    const v = mod ? r : q;
    th = Math.floor(v / 4294967296) | 0;
    return v | 0;
  }
  // Shift-subtract, one bit at a time (only for values over 2^53).
  let ql = 0, qh = 0, rl = 0, rhh = 0;
  for (let i = 63; i >= 0; i--) {
    rhh = (rhh << 1) | (rl >>> 31); rl = rl << 1;
    const bit = i >= 32 ? (ah >>> (i - 32)) & 1 : (al >>> i) & 1;
    rl |= bit;
    if ((rhh >>> 0) > (bh >>> 0) || (rhh === bh && (rl >>> 0) >= (bl >>> 0))) {
      const t = (rl >>> 0) - (bl >>> 0);
      rhh = (rhh - bh - (t < 0 ? 1 : 0)) | 0; rl = t | 0;
      if (i >= 32) qh |= 1 << (i - 32); else ql |= 1 << i;
    }
  }
  if (mod) { th = rhh; return rl; }
  th = qh; return ql;
}
function lsh64(l, h, n) { n &= 63; if (n === 0) { th = h; return l; } if (n < 32) { th = (h << n) | (l >>> (32 - n)); return l << n; } th = l << (n - 32); return 0; }
function rsh64(l, h, n) { n &= 63; if (n === 0) { th = h; return l; } if (n < 32) { th = h >>> n; return (l >>> n) | (h << (32 - n)); } th = 0; return (h >>> (n - 32)) | 0; }
function arsh64(l, h, n) { n &= 63; if (n === 0) { th = h; return l; } if (n < 32) { th = h >> n; return (l >>> n) | (h << (32 - n)); } th = h >> 31; return h >> (n - 32); }
function bswap32(v) { return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24); }
`;

function fnSource(insns: readonly Insn[], notes: Notes, start: number, end: number, fns: number[], shared: boolean): string {
  const r = forwardOrder(blocksOf(insns, start, end), start);
  if (!('order' in r)) throw new BpfError(`insn ${r.cycle[0]}: loop (the verifier should have refused it)`);
  const order = r.order;
  const pos = new Map(order.map((b, k) => [b.start, k]));
  const targets = new Set<number>();
  const edge = (from: number, to: number) => {
    if ((pos.get(to) ?? -1) <= from) throw new BpfError(`block ${to} is not after block ${order[from]!.start}`);
    targets.add(to);
  };
  order.forEach((b, k) => {
    b.succ.forEach((s, n) => {
      const isFall = n === 0 && b.fallsThrough;
      if (isFall && order[k + 1]?.start === s) return;
      edge(k, s);
    });
  });
  let s = `function f${fns.indexOf(start)}(l1, h1, l2, h2, l3, h3, l4, h4, l5, h5, l10) {
  let l0 = 0, h0 = 0, l6 = 0, h6 = 0, l7 = 0, h7 = 0, l8 = 0, h8 = 0, l9 = 0, h9 = 0, t = 0, u = 0;
  const h10 = 0;
`;
  for (let k = order.length - 1; k >= 0; k--) if (targets.has(order[k]!.start)) s += `L${order[k]!.start}: {\n`;
  order.forEach((b, k) => {
    if (targets.has(b.start)) s += `}\n`;
    const checks = packetChecks(insns, notes, b.start, b.end);
    for (let pc = b.start; pc < b.end; pc++) {
      const i = insns[pc]!;
      s += `/* ${pc} */ ` + insnSource(insns, notes, pc, fns, checks.get(pc) ?? '', shared) + '\n';
      if (i.op === LD_IMM64) pc++;
    }
    if (b.fallsThrough && order[k + 1]?.start !== b.end) s += `break L${b.end};\n`;
  });
  s += `}\n`;
  return s;
}

function imm64Hi(imm: number): number { return imm < 0 ? -1 : 0; }

function region(note: MemNote | undefined, pc: number): { arr: string; dv: string; pkt: boolean } {
  if (!note) throw new BpfError(`insn ${pc}: no memory note (unreachable?)`);
  switch (note.region) {
    case Region.STACK: return { arr: 'sd', dv: 'sv', pkt: false };
    case Region.PACKET: return { arr: 'pd', dv: 'pv', pkt: true };
    case Region.MAP_VALUE: return { arr: `md${note.map}`, dv: `mv${note.map}`, pkt: false };
    default: throw new BpfError(`insn ${pc}: unexpected memory region ${note.region}`);
  }
}

/**
 * The packet bounds checks of one basic block, merged: consecutive packet accesses through
 * the same base register (not written in between; no helper call, which may move data and
 * data_end) are covered by one check of their whole span, made at the first of them. A
 * failed check still aborts the run before the access it guards (only earlier than the
 * access itself would have: the verifier proved every access in bounds, these checks are the
 * net under a verifier slip). Returns the check text per instruction that makes one.
 */
function packetChecks(insns: readonly Insn[], notes: Notes, start: number, end: number): Map<number, string> {
  const out = new Map<number, string>();
  let base = -1, first = -1, lo = 0, hi = 0;
  const close = () => {
    if (first >= 0) out.set(first, ` if (l${base} + ${lo} < ps || l${base} + ${hi} > pe) throw OOB;`);
    base = -1; first = -1;
  };
  for (let pc = start; pc < end; pc++) {
    const i = insns[pc]!, c = cls(i.op);
    const pkt = (c === LDX || c === ST || c === STX) && notes.mem[pc]?.region === Region.PACKET;
    if (pkt) {
      const r = c === LDX ? i.src : i.dst, n = bytesOf(size(i.op));
      if (r !== base) { close(); base = r; first = pc; lo = i.off; hi = i.off + n; }
      else { lo = Math.min(lo, i.off); hi = Math.max(hi, i.off + n); }
    }
    if (c === JMP || c === JMP32) close(); // calls (data may move) and the block's end
    else if (base >= 0 && written(i).includes(base)) close();
    if (i.op === LD_IMM64) pc++;
  }
  close();
  return out;
}

/** Registers an instruction (not a jump or call) writes. */
function written(i: Insn): number[] {
  const c = cls(i.op);
  if (c === ALU || c === ALU64 || c === LDX || i.op === LD_IMM64) return [i.dst];
  if (c === STX && mode(i.op) === ATOMIC) return i.imm === CMPXCHG ? [0] : (i.imm & FETCH) !== 0 || i.imm === XCHG ? [i.src] : [];
  return [];
}

function insnSource(insns: readonly Insn[], notes: Notes, pc: number, fns: number[], check: string, shared: boolean): string {
  const i = insns[pc]!;
  const c = cls(i.op);
  const d = i.dst, sr = i.src;
  if (i.op === LD_IMM64) {
    if (notes.mem[pc] === undefined && i.src === 0) return `l${d} = ${i.imm | 0}; h${d} = ${insns[pc + 1]!.imm | 0};`;
    if (i.src === PSEUDO_MAP_FD) return `l${d} = ${i.imm}; h${d} = 0; /* map ${i.imm} */`;
    if (i.src === PSEUDO_MAP_VALUE) return `l${d} = g${i.imm} + ${insns[pc + 1]!.imm}; h${d} = 0;`;
    return `l${d} = ${i.imm | 0}; h${d} = ${insns[pc + 1]!.imm | 0};`;
  }
  if (c === ALU) return alu32(i);
  if (c === ALU64) return notes.narrow[pc] ? alu32(i) : alu64(i);
  if (c === LDX) {
    const n = notes.mem[pc];
    const sz = size(i.op);
    if (n?.region === Region.CTX) {
      switch (i.off) {
        case XdpMd.DATA: return `l${d} = ps; h${d} = 0;`;
        case XdpMd.DATA_END: return `l${d} = pe; h${d} = 0;`;
        case XdpMd.DATA_META: return `l${d} = ps; h${d} = 0;`;
        case XdpMd.INGRESS_IFINDEX: return `l${d} = x.ingressIfindex | 0; h${d} = 0;`;
        case XdpMd.RX_QUEUE_INDEX: return `l${d} = x.rxQueue | 0; h${d} = 0;`;
        default: return `l${d} = 0; h${d} = 0;`;
      }
    }
    const r = region(n, pc);
    const addr = `t = l${sr} + ${i.off};`;
    const chk = r.pkt ? check : '';
    const load = sz === B ? `l${d} = ${r.arr}[t]; h${d} = 0;`
      : sz === H ? `l${d} = ${r.dv}.getUint16(t, true); h${d} = 0;`
        : sz === W ? `l${d} = ${r.dv}.getInt32(t, true); h${d} = 0;`
          : `l${d} = ${r.dv}.getInt32(t, true); h${d} = ${r.dv}.getInt32(t + 4, true);`;
    return addr + chk + ' ' + load;
  }
  if (c === ST || c === STX) {
    const r = region(notes.mem[pc], pc);
    const sz = size(i.op);
    const n = bytesOf(sz);
    const addr = `t = l${d} + ${i.off};`;
    const chk = r.pkt ? check : '';
    if (c === STX && mode(i.op) === ATOMIC) {
      const m = notes.mem[pc]!;
      return addr + chk + ' ' + (shared && m.region === Region.MAP_VALUE ? sharedAtomic(i, m.map, r.dv) : atomic(i, r.dv));
    }
    const lo = c === ST ? String(i.imm | 0) : `l${sr}`;
    const hi = c === ST ? String(imm64Hi(i.imm)) : `h${sr}`;
    const store = sz === B ? `${r.arr}[t] = ${lo};`
      : sz === H ? `${r.dv}.setUint16(t, ${lo}, true);`
        : sz === W ? `${r.dv}.setInt32(t, ${lo}, true);`
          : `${r.dv}.setInt32(t, ${lo}, true); ${r.dv}.setInt32(t + 4, ${hi}, true);`;
    return addr + chk + ' ' + store;
  }
  // JMP, JMP32
  const o = aluOp(i.op);
  if (o === EXIT) return `rh = h0; return l0;`;
  if (o === CALL) {
    if (i.src === PSEUDO_CALL) {
      const k = fns.indexOf(pc + 1 + i.imm);
      return `l0 = f${k}(l1, h1, l2, h2, l3, h3, l4, h4, l5, h5, l10 + ${STACK_SIZE}); h0 = rh;`;
    }
    return helperCall(i.imm, pc, notes);
  }
  if (o === JA) return `break L${pc + 1 + i.off};`;
  const t = pc + 1 + i.off;
  // Both operands below 2^32 on every path: compare the low words (as JMP32 does).
  return `if (${cond(notes.narrow[pc] ? { ...i, op: (i.op & ~0x07) | JMP32 } : i)}) break L${t};`;
}

function cond(i: Insn): string {
  const o = aluOp(i.op);
  const wide = cls(i.op) === JMP;
  const al = `l${i.dst}`, ah = `h${i.dst}`;
  const bl = (i.op & X) ? `l${i.src}` : String(i.imm | 0);
  const bh = (i.op & X) ? `h${i.src}` : String(imm64Hi(i.imm));
  const u = (v: string) => `(${v} >>> 0)`;
  if (!wide) {
    switch (o) {
      case JEQ: return `${al} === ${bl}`;
      case JNE: return `${al} !== ${bl}`;
      case JSET: return `(${al} & ${bl}) !== 0`;
      case JGT: return `${u(al)} > ${u(bl)}`;
      case JGE: return `${u(al)} >= ${u(bl)}`;
      case JLT: return `${u(al)} < ${u(bl)}`;
      case JLE: return `${u(al)} <= ${u(bl)}`;
      case JSGT: return `${al} > ${bl}`;
      case JSGE: return `${al} >= ${bl}`;
      case JSLT: return `${al} < ${bl}`;
      case JSLE: return `${al} <= ${bl}`;
    }
  }
  switch (o) {
    case JEQ: return `${al} === ${bl} && ${ah} === ${bh}`;
    case JNE: return `${al} !== ${bl} || ${ah} !== ${bh}`;
    case JSET: return `((${al} & ${bl}) | (${ah} & ${bh})) !== 0`;
    case JGT: return `${u(ah)} > ${u(bh)} || (${ah} === ${bh} && ${u(al)} > ${u(bl)})`;
    case JGE: return `${u(ah)} > ${u(bh)} || (${ah} === ${bh} && ${u(al)} >= ${u(bl)})`;
    case JLT: return `${u(ah)} < ${u(bh)} || (${ah} === ${bh} && ${u(al)} < ${u(bl)})`;
    case JLE: return `${u(ah)} < ${u(bh)} || (${ah} === ${bh} && ${u(al)} <= ${u(bl)})`;
    case JSGT: return `${ah} > ${bh} || (${ah} === ${bh} && ${u(al)} > ${u(bl)})`;
    case JSGE: return `${ah} > ${bh} || (${ah} === ${bh} && ${u(al)} >= ${u(bl)})`;
    case JSLT: return `${ah} < ${bh} || (${ah} === ${bh} && ${u(al)} < ${u(bl)})`;
    case JSLE: return `${ah} < ${bh} || (${ah} === ${bh} && ${u(al)} <= ${u(bl)})`;
  }
  throw new BpfError(`jump op 0x${i.op.toString(16)}`);
}

function alu32(i: Insn): string {
  const d = `l${i.dst}`, hd = `h${i.dst}`;
  const o = aluOp(i.op);
  const s = (i.op & X) ? `l${i.src}` : String(i.imm | 0);
  const z = ` ${hd} = 0;`;
  switch (o) {
    case MOV: return `${d} = ${s};` + z;
    case ADD: return `${d} = (${d} + ${s}) | 0;` + z;
    case SUB: return `${d} = (${d} - ${s}) | 0;` + z;
    case MUL: return `${d} = Math.imul(${d}, ${s});` + z;
    case DIV: return `u = ${s} >>> 0; ${d} = u === 0 ? 0 : ((${d} >>> 0) / u) | 0;` + z;
    case MOD: return `u = ${s} >>> 0; if (u !== 0) ${d} = ((${d} >>> 0) % u) | 0;` + z;
    case OR: return `${d} |= ${s};` + z;
    case AND: return `${d} &= ${s};` + z;
    case XOR: return `${d} ^= ${s};` + z;
    case LSH: return `${d} <<= (${s} & 31);` + z;
    case RSH: return `${d} = (${d} >>> (${s} & 31)) | 0;` + z;
    case ARSH: return `${d} >>= (${s} & 31);` + z;
    case NEG: return `${d} = (-${d}) | 0;` + z;
    case END: {
      const be = (i.op & X) !== 0;
      if (!be) {
        if (i.imm === 16) return `${d} &= 0xffff;` + z;
        if (i.imm === 32) return z.trim();
        return '';
      }
      if (i.imm === 16) return `${d} = ((${d} & 0xff) << 8) | ((${d} >>> 8) & 0xff);` + z;
      if (i.imm === 32) return `${d} = bswap32(${d});` + z;
      return `t = bswap32(${d}); ${d} = bswap32(${hd}); ${hd} = t;`;
    }
  }
  throw new BpfError(`alu op 0x${i.op.toString(16)}`);
}

function alu64(i: Insn): string {
  const dl = `l${i.dst}`, dh = `h${i.dst}`;
  const o = aluOp(i.op);
  const reg = (i.op & X) !== 0;
  const sl = reg ? `l${i.src}` : String(i.imm | 0);
  const sh = reg ? `h${i.src}` : String(imm64Hi(i.imm));
  switch (o) {
    case MOV: return `${dl} = ${sl}; ${dh} = ${sh};`;
    case ADD: return `t = (${dl} >>> 0) + (${sl} >>> 0); ${dh} = (${dh} + ${sh} + (t > 4294967295 ? 1 : 0)) | 0; ${dl} = t | 0;`;
    case SUB: return `t = (${dl} >>> 0) - (${sl} >>> 0); ${dh} = (${dh} - ${sh} - (t < 0 ? 1 : 0)) | 0; ${dl} = t | 0;`;
    case MUL: return `${dl} = mul64(${dl}, ${dh}, ${sl}, ${sh}); ${dh} = th;`;
    case DIV: return `if ((${sl} | ${sh}) === 0) { ${dl} = 0; ${dh} = 0; } else { ${dl} = divmod64(${dl}, ${dh}, ${sl}, ${sh}, false); ${dh} = th; }`;
    case MOD: return `if ((${sl} | ${sh}) !== 0) { ${dl} = divmod64(${dl}, ${dh}, ${sl}, ${sh}, true); ${dh} = th; }`;
    case OR: return `${dl} |= ${sl}; ${dh} |= ${sh};`;
    case AND: return `${dl} &= ${sl}; ${dh} &= ${sh};`;
    case XOR: return `${dl} ^= ${sl}; ${dh} ^= ${sh};`;
    case LSH: case RSH: case ARSH:
      if (!reg) return shiftImm(o, dl, dh, i.imm & 63);
      return `${dl} = ${o === LSH ? 'lsh64' : o === RSH ? 'rsh64' : 'arsh64'}(${dl}, ${dh}, ${sl}); ${dh} = th;`;
    case NEG: return `${dh} = (~${dh} + (${dl} === 0 ? 1 : 0)) | 0; ${dl} = (-${dl}) | 0;`;
  }
  throw new BpfError(`alu64 op 0x${i.op.toString(16)}`);
}

/** A 64-bit shift by a constant, inline (clang shifts by 32 to move words around). */
function shiftImm(o: number, l: string, h: string, n: number): string {
  if (n === 0) return '';
  if (o === LSH) return n < 32 ? `${h} = (${h} << ${n}) | (${l} >>> ${32 - n}); ${l} <<= ${n};` : `${h} = ${l} << ${n - 32}; ${l} = 0;`;
  if (o === RSH) return n < 32 ? `${l} = (${l} >>> ${n}) | (${h} << ${32 - n}); ${h} = ${h} >>> ${n};` : `${l} = (${h} >>> ${n - 32}) | 0; ${h} = 0;`;
  return n < 32 ? `${l} = (${l} >>> ${n}) | (${h} << ${32 - n}); ${h} >>= ${n};` : `${l} = ${h} >> ${n - 32}; ${h} >>= 31;`;
}

/**
 * An atomic instruction on a map value, which other engines may update at the same time
 * (`shared` programs only: on one engine the plain read-modify-write is atomic already):
 * Atomics on the map's Int32Array (its values are 8-byte aligned; a misaligned address, which
 * the kernel refuses, takes the plain path). 64-bit add/and/or/xor are two word operations,
 * each atomic, the add carrying into the high word: totals are exact, a concurrent reader may
 * see the carry late. 64-bit xchg and cmpxchg go through BigInt64Array (rare in programs).
 */
function sharedAtomic(i: Insn, m: number, dv: string): string {
  const wide = size(i.op) === DW;
  const s = i.src, mi = `mi${m}`, fetch = (i.imm & FETCH) !== 0;
  const plain = atomic(i, dv);
  if (!wide) {
    let op: string;
    switch (i.imm) {
      case XCHG: return `if ((t & 3) === 0) { l${s} = Atomics.exchange(${mi}, t >> 2, l${s}); h${s} = 0; } else ${plain}`;
      case CMPXCHG: return `if ((t & 3) === 0) { l0 = Atomics.compareExchange(${mi}, t >> 2, l0, l${s}); h0 = 0; } else ${plain}`;
      default: op = atomicOp(i.imm & ~FETCH);
    }
    return `if ((t & 3) === 0) { u = Atomics.${op}(${mi}, t >> 2, l${s});${fetch ? ` l${s} = u; h${s} = 0;` : ''} } else ${plain}`;
  }
  if (i.imm === XCHG || i.imm === CMPXCHG) {
    const v = `BigInt.asIntN(64, (BigInt(h${s}) << 32n) | BigInt(l${s} >>> 0))`;
    const call = i.imm === XCHG ? `Atomics.exchange(mb${m}, t >> 3, ${v})` : `Atomics.compareExchange(mb${m}, t >> 3, BigInt.asIntN(64, (BigInt(h0) << 32n) | BigInt(l0 >>> 0)), ${v})`;
    const r = i.imm === XCHG ? s : 0;
    return `if ((t & 7) === 0) { const o = ${call}; l${r} = Number(BigInt.asIntN(32, o)); h${r} = Number(o >> 32n); } else ${plain}`;
  }
  const op = atomicOp(i.imm & ~FETCH);
  const lo = `u = Atomics.${op}(${mi}, t >> 2, l${s});`;
  const hi = op === 'add'
    ? `const uh = Atomics.add(${mi}, (t >> 2) + 1, (h${s} + ((u >>> 0) + (l${s} >>> 0) > 4294967295 ? 1 : 0)) | 0);`
    : `const uh = Atomics.${op}(${mi}, (t >> 2) + 1, h${s});`;
  return `if ((t & 7) === 0) { ${lo} ${hi}${fetch ? ` l${s} = u; h${s} = uh;` : ''} } else ${plain}`;
}

function atomicOp(base: number): string {
  switch (base) {
    case ADD: return 'add';
    case OR: return 'or';
    case AND: return 'and';
    case XOR: return 'xor';
  }
  throw new BpfError(`atomic op 0x${base.toString(16)}`);
}

function atomic(i: Insn, dv: string): string {
  const wide = size(i.op) === DW;
  const s = i.src;
  const rd = wide ? `u = ${dv}.getInt32(t, true); const uh = ${dv}.getInt32(t + 4, true);` : `u = ${dv}.getInt32(t, true);`;
  const wr = (lo: string, hi: string) => wide ? `${dv}.setInt32(t, ${lo}, true); ${dv}.setInt32(t + 4, ${hi}, true);` : `${dv}.setInt32(t, ${lo}, true);`;
  const fetch = (i.imm & FETCH) !== 0;
  const back = fetch ? (wide ? ` l${s} = u; h${s} = uh;` : ` l${s} = u; h${s} = 0;`) : '';
  if (i.imm === XCHG) return `{ ${rd} ${wr(`l${s}`, `h${s}`)} l${s} = u; h${s} = ${wide ? 'uh' : '0'}; }`;
  if (i.imm === CMPXCHG) {
    const eq = wide ? `u === l0 && uh === h0` : `u === l0`;
    return `{ ${rd} if (${eq}) { ${wr(`l${s}`, `h${s}`)} } l0 = u; h0 = ${wide ? 'uh' : '0'}; }`;
  }
  const base = i.imm & ~FETCH;
  let lo: string, hi: string, pre = '';
  switch (base) {
    case ADD:
      if (wide) { pre = `const a = (u >>> 0) + (l${s} >>> 0);`; lo = 'a | 0'; hi = `(uh + h${s} + (a > 4294967295 ? 1 : 0)) | 0`; }
      else { lo = `(u + l${s}) | 0`; hi = '0'; }
      break;
    case OR: lo = `u | l${s}`; hi = wide ? `uh | h${s}` : '0'; break;
    case AND: lo = `u & l${s}`; hi = wide ? `uh & h${s}` : '0'; break;
    case XOR: lo = `u ^ l${s}`; hi = wide ? `uh ^ h${s}` : '0'; break;
    default: throw new BpfError(`atomic op 0x${i.imm.toString(16)}`);
  }
  return `{ ${rd} ${pre} ${wr(lo, hi)}${back} }`;
}

function argArr(notes: Notes, pc: number, arg: number): string {
  const n = notes.args[pc]?.[arg];
  if (!n) return 'null';
  return region(n, pc).arr;
}

function helperCall(id: number, pc: number, notes: Notes): string {
  const m = notes.callMap[pc];
  switch (id) {
    case Helper.MAP_LOOKUP_ELEM: return `l0 = m${m}.lookup(${argArr(notes, pc, 2)}, l2); h0 = 0;`;
    case Helper.MAP_UPDATE_ELEM: return `l0 = m${m}.update(${argArr(notes, pc, 2)}, l2, ${argArr(notes, pc, 3)}, l3, h4 === 0 ? l4 : -1); h0 = l0 < 0 ? -1 : 0;`;
    case Helper.MAP_DELETE_ELEM: return `l0 = m${m}.delete(${argArr(notes, pc, 2)}, l2); h0 = l0 < 0 ? -1 : 0;`;
    case Helper.KTIME_GET_NS: return `t = env.now(); l0 = t | 0; h0 = Math.floor(t / 4294967296) | 0;`;
    case Helper.GET_PRANDOM_U32: return `l0 = env.random() | 0; h0 = 0;`;
    case Helper.CSUM_DIFF: return `t = Hp.csumDiff(${argArr(notes, pc, 1)}, l1, h2 === 0 ? l2 : -1, ${argArr(notes, pc, 3)}, l3, h4 === 0 ? l4 : -1, l5); l0 = t | 0; h0 = t < 0 ? -1 : 0;`;
    case Helper.XDP_ADJUST_HEAD: return `l0 = Hp.adjustHead(x, l2); h0 = l0 < 0 ? -1 : 0; ps = x.start; pe = x.end;`;
    case Helper.XDP_ADJUST_TAIL: return `l0 = Hp.adjustTail(x, l2); h0 = l0 < 0 ? -1 : 0; ps = x.start; pe = x.end;`;
    case Helper.REDIRECT: return `l0 = Hp.redirect(x, l1, (l2 | h2) === 0 ? 0 : 1); h0 = 0;`;
    case Helper.REDIRECT_MAP: return `l0 = Hp.redirectMap(x, m${m}, l2, l3); h0 = 0;`;
    case Helper.FIB_LOOKUP: return `l0 = Hp.fibLookup(env, x, ${argArr(notes, pc, 2)}, l2, l3, l4); h0 = l0 < 0 ? -1 : 0;`;
    case Helper.XDP_LOAD_BYTES: return `l0 = Hp.loadBytes(x, l2, ${argArr(notes, pc, 3)}, l3, l4); h0 = l0 < 0 ? -1 : 0;`;
    case Helper.XDP_STORE_BYTES: return `l0 = Hp.storeBytes(x, l2, ${argArr(notes, pc, 3)}, l3, l4); h0 = l0 < 0 ? -1 : 0;`;
  }
  throw new BpfError(`insn ${pc}: helper ${id} cannot be compiled`);
}

