/**
 * The reference interpreter: executes bytecode one instruction at a time with 64-bit BigInt
 * registers and tagged addresses (region << 32 | offset), resolving every memory access
 * at run time. Slow on purpose and independent of the verifier's notes and of the compiler's
 * hi/lo arithmetic, so the two executors check each other (and both are checked against the
 * kernel).
 */
import {
  type Insn, cls, size, mode, aluOp, bytesOf,
  LDX, ST, STX, ALU, JMP, ALU64, X, ATOMIC,
  ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, NEG, MOD, XOR, MOV, ARSH, END,
  JA, JEQ, JGT, JGE, JSET, JNE, JSGT, JSGE, CALL, EXIT, JLT, JLE, JSLT, JSLE,
  FETCH, XCHG, CMPXCHG, LD_IMM64, PSEUDO_MAP_FD, PSEUDO_MAP_VALUE, PSEUDO_CALL,
} from './insn.js';
import { Helper, XdpMd, STACK_SIZE, MAX_CALL_FRAMES, MapType } from './types.js';
import type { BpfMap } from './maps.js';
import type { XdpBuff } from './xdp-buff.js';
import * as H_ from './helpers.js';
import type { HelperEnv } from './helpers.js';
import { BpfError } from './errors.js';

const M64 = (1n << 64n) - 1n;
const M32 = 0xffffffffn;
const T_CTX = 1n, T_STACK = 2n, T_PKT = 3n, T_MAP = 16n, T_MAPREF = 0x1000n;

export class InterpreterFault extends BpfError {}

export class Interpreter {
  private readonly stack = new Uint8Array(STACK_SIZE * MAX_CALL_FRAMES);
  /** Instructions executed by the last run. */
  steps = 0;
  constructor(readonly insns: readonly Insn[], readonly maps: readonly BpfMap[], readonly env: HelperEnv) {}

  run(x: XdpBuff): number {
    this.stack.fill(0);
    const regs = new Array<bigint>(11).fill(0n);
    regs[1] = T_CTX << 32n;
    regs[10] = (T_STACK << 32n) | BigInt(STACK_SIZE);
    const frames: { pc: number; saved: bigint[] }[] = [];
    let pc = 0;
    this.steps = 0;
    try {
      for (;;) {
        if (++this.steps > 1_000_000) throw new InterpreterFault('too many steps');
        const i = this.insns[pc];
        if (!i) throw new InterpreterFault(`pc ${pc} outside the program`);
        const c = cls(i.op);
        if (i.op === LD_IMM64) {
          const hi = this.insns[pc + 1]!.imm;
          if (i.src === PSEUDO_MAP_FD) regs[i.dst] = (T_MAPREF + BigInt(i.imm)) << 32n;
          else if (i.src === PSEUDO_MAP_VALUE) {
            const m = this.maps[i.imm]!;
            regs[i.dst] = ((T_MAP + BigInt(i.imm)) << 32n) | BigInt(m.lookup(new Uint8Array(4), 0) + hi);
          } else regs[i.dst] = ((BigInt(hi >>> 0) << 32n) | BigInt(i.imm >>> 0)) & M64;
          pc += 2;
          continue;
        }
        if (c === ALU || c === ALU64) {
          regs[i.dst] = alu(i, regs[i.dst]!, (i.op & X) ? regs[i.src]! : BigInt.asUintN(64, BigInt(i.imm)), c === ALU64);
          pc++;
          continue;
        }
        if (c === LDX) {
          const a = regs[i.src]! + BigInt(i.off);
          regs[i.dst] = this.load(x, a & M64, bytesOf(size(i.op)));
          pc++;
          continue;
        }
        if (c === ST || c === STX) {
          const a = (regs[i.dst]! + BigInt(i.off)) & M64;
          const n = bytesOf(size(i.op));
          if (c === STX && mode(i.op) === ATOMIC) {
            const old = this.load(x, a, n);
            const v = regs[i.src]!;
            const mask = n === 8 ? M64 : M32;
            if (i.imm === XCHG) { this.store(x, a, n, v); regs[i.src] = old; }
            else if (i.imm === CMPXCHG) { if ((regs[0]! & mask) === old) this.store(x, a, n, v); regs[0] = old; }
            else {
              const b = i.imm & ~FETCH;
              const r = b === ADD ? old + v : b === OR ? old | v : b === AND ? old & v : old ^ v;
              this.store(x, a, n, r & mask);
              if (i.imm & FETCH) regs[i.src] = old;
            }
          } else {
            this.store(x, a, n, c === STX ? regs[i.src]! : BigInt.asUintN(64, BigInt(i.imm)));
          }
          pc++;
          continue;
        }
        const o = aluOp(i.op);
        if (o === EXIT) {
          const f = frames.pop();
          if (!f) return Number(regs[0]! & M32);
          for (let r = 6; r <= 10; r++) regs[r] = f.saved[r - 6]!;
          pc = f.pc;
          continue;
        }
        if (o === CALL) {
          if (i.src === PSEUDO_CALL) {
            frames.push({ pc: pc + 1, saved: regs.slice(6, 11) });
            regs[10] = regs[10]! + BigInt(STACK_SIZE);
            pc = pc + 1 + i.imm;
          } else {
            regs[0] = BigInt.asUintN(64, BigInt(this.helper(x, i.imm, regs)));
            pc++;
          }
          continue;
        }
        if (o === JA) { pc += 1 + i.off; continue; }
        const wide = c === JMP;
        let a = regs[i.dst]!, b = (i.op & X) ? regs[i.src]! : BigInt.asUintN(64, BigInt(i.imm));
        if (!wide) { a &= M32; b &= M32; }
        const bits = wide ? 64 : 32;
        const sa = BigInt.asIntN(bits, a), sb = BigInt.asIntN(bits, b);
        let take: boolean;
        switch (o) {
          case JEQ: take = a === b; break;
          case JNE: take = a !== b; break;
          case JSET: take = (a & b) !== 0n; break;
          case JGT: take = a > b; break;
          case JGE: take = a >= b; break;
          case JLT: take = a < b; break;
          case JLE: take = a <= b; break;
          case JSGT: take = sa > sb; break;
          case JSGE: take = sa >= sb; break;
          case JSLT: take = sa < sb; break;
          case JSLE: take = sa <= sb; break;
          default: throw new InterpreterFault(`pc ${pc}: bad jump op`);
        }
        pc += take ? 1 + i.off : 1;
      }
    } catch (e) {
      if (e instanceof InterpreterFault) return 0; // XDP_ABORTED
      throw e;
    }
  }

  /** The bytes and offset an address points to, checked for n bytes. */
  private resolve(x: XdpBuff, a: bigint, n: number): { arr: Uint8Array; off: number } {
    const tag = a >> 32n, off = Number(a & M32);
    if (tag === T_STACK) {
      if (off < 0 || off + n > this.stack.length) throw new InterpreterFault(`stack access at ${off}`);
      return { arr: this.stack, off };
    }
    if (tag === T_PKT) {
      if (off < x.start || off + n > x.end) throw new InterpreterFault(`packet access at ${off} outside [${x.start}, ${x.end})`);
      return { arr: x.data, off };
    }
    if (tag >= T_MAP && tag < T_MAPREF) {
      const m = this.maps[Number(tag - T_MAP)];
      if (!m || off < 8 || off + n > m.values.length) throw new InterpreterFault(`map value access at ${off}`);
      return { arr: m.values, off };
    }
    throw new InterpreterFault(`memory access through 0x${a.toString(16)}`);
  }

  private load(x: XdpBuff, a: bigint, n: number): bigint {
    if (a >> 32n === T_CTX) {
      const f = Number(a & M32);
      if (n !== 4) throw new InterpreterFault('ctx access size');
      switch (f) {
        case XdpMd.DATA: case XdpMd.DATA_META: return (T_PKT << 32n) | BigInt(x.start);
        case XdpMd.DATA_END: return (T_PKT << 32n) | BigInt(x.end);
        case XdpMd.INGRESS_IFINDEX: return BigInt(x.ingressIfindex >>> 0);
        case XdpMd.RX_QUEUE_INDEX: return BigInt(x.rxQueue >>> 0);
        default: throw new InterpreterFault(`ctx field ${f}`);
      }
    }
    const { arr, off } = this.resolve(x, a, n);
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(arr[off + k]!);
    return v;
  }

  private store(x: XdpBuff, a: bigint, n: number, v: bigint): void {
    const { arr, off } = this.resolve(x, a, n);
    for (let k = 0; k < n; k++) { arr[off + k] = Number(v & 0xffn); v >>= 8n; }
  }

  private mem(x: XdpBuff, a: bigint, n: number): { arr: Uint8Array; off: number } {
    return this.resolve(x, a & M64, n);
  }

  private mapOf(r: bigint): BpfMap {
    const m = this.maps[Number((r >> 32n) - T_MAPREF)];
    if (!m || (r & M32) !== 0n) throw new InterpreterFault('not a map');
    return m;
  }

  private helper(x: XdpBuff, id: number, r: bigint[]): number {
    const n = (v: bigint) => Number(BigInt.asIntN(32, v));
    switch (id) {
      case Helper.MAP_LOOKUP_ELEM: {
        const m = this.mapOf(r[1]!);
        const k = this.mem(x, r[2]!, m.spec.keySize);
        const o = m.lookup(k.arr, k.off);
        const idx = this.maps.indexOf(m);
        return o === 0 ? 0 : Number(((T_MAP + BigInt(idx)) << 32n) | BigInt(o));
      }
      case Helper.MAP_UPDATE_ELEM: {
        const m = this.mapOf(r[1]!);
        const k = this.mem(x, r[2]!, m.spec.keySize), v = this.mem(x, r[3]!, m.spec.valueSize);
        return m.update(k.arr, k.off, v.arr, v.off, r[4]! > 2n ? -1 : Number(r[4]!));
      }
      case Helper.MAP_DELETE_ELEM: {
        const m = this.mapOf(r[1]!);
        const k = this.mem(x, r[2]!, m.spec.keySize);
        return m.delete(k.arr, k.off);
      }
      case Helper.KTIME_GET_NS: return this.env.now();
      case Helper.GET_PRANDOM_U32: return this.env.random() >>> 0;
      case Helper.CSUM_DIFF: {
        const fs = r[2]! > 512n ? 513 : Number(r[2]!), ts = r[4]! > 512n ? 513 : Number(r[4]!);
        const f = fs > 0 && fs <= 512 ? this.mem(x, r[1]!, fs) : null, t = ts > 0 && ts <= 512 ? this.mem(x, r[3]!, ts) : null;
        return H_.csumDiff(f?.arr ?? null, f?.off ?? 0, fs, t?.arr ?? null, t?.off ?? 0, ts, Number(r[5]! & M32));
      }
      case Helper.XDP_ADJUST_HEAD: return H_.adjustHead(x, n(r[2]!));
      case Helper.XDP_ADJUST_TAIL: return H_.adjustTail(x, n(r[2]!));
      case Helper.REDIRECT_MAP: {
        const m = this.mapOf(r[1]!);
        if (m.spec.type !== MapType.DEVMAP && m.spec.type !== MapType.DEVMAP_HASH && m.spec.type !== MapType.XSKMAP) throw new InterpreterFault('redirect_map on a data map');
        return H_.redirectMap(x, m, Number(r[2]! & M32), Number(r[3]! & 0xffffffffn));
      }
      case Helper.REDIRECT: return H_.redirect(x, Number(r[1]! & M32), r[2] === 0n ? 0 : 1);
      case Helper.FIB_LOOKUP: {
        const len = Number(r[3]! & M32);
        const p = this.mem(x, r[2]!, len);
        return H_.fibLookup(this.env, x, p.arr, p.off, len, Number(r[4]! & M32));
      }
      case Helper.XDP_LOAD_BYTES: case Helper.XDP_STORE_BYTES: {
        const len = Number(r[4]! & M32);
        const b = this.mem(x, r[3]!, len);
        const off = Number(r[2]! & M32);
        return id === Helper.XDP_LOAD_BYTES ? H_.loadBytes(x, off, b.arr, b.off, len) : H_.storeBytes(x, off, b.arr, b.off, len);
      }
      default: throw new InterpreterFault(`helper ${id}`);
    }
  }
}

function alu(i: Insn, d: bigint, s: bigint, wide: boolean): bigint {
  const o = aluOp(i.op);
  const bits = wide ? 64 : 32;
  const mask = wide ? M64 : M32;
  if (o === END) return byteSwap(i, d);
  if (!wide) { d &= M32; s &= M32; }
  let r: bigint;
  switch (o) {
    case MOV: r = s; break;
    case ADD: r = d + s; break;
    case SUB: r = d - s; break;
    case MUL: r = d * s; break;
    case DIV: r = s === 0n ? 0n : d / s; break;
    case MOD: r = s === 0n ? d : d % s; break;
    case OR: r = d | s; break;
    case AND: r = d & s; break;
    case XOR: r = d ^ s; break;
    case LSH: r = d << (s & BigInt(bits - 1)); break;
    case RSH: r = d >> (s & BigInt(bits - 1)); break;
    case ARSH: r = BigInt.asIntN(bits, d) >> (s & BigInt(bits - 1)); break;
    case NEG: r = -d; break;
    default: throw new InterpreterFault(`alu op 0x${o.toString(16)}`);
  }
  return BigInt.asUintN(bits, r) & mask;
}

/** to_le (a truncation on this little-endian host) or to_be (reverse the low imm/8 bytes). */
function byteSwap(i: Insn, d: bigint): bigint {
  const w = i.imm;
  const v = d & ((1n << BigInt(w)) - 1n);
  if (!(i.op & X)) return v;
  let out = 0n;
  for (let k = 0; k < w / 8; k++) out = (out << 8n) | ((v >> BigInt(8 * k)) & 0xffn);
  return out;
}
