/**
 * Basic blocks of one function and an order of them in which every jump goes forward.
 * clang places blocks freely (a shared tail may sit before its predecessors), so a backward
 * jump is not a loop; a cycle in the block graph is. The verifier refuses cycles; the
 * compiler emits blocks in this order so that every jump becomes `break` out of a block.
 */
import { type Insn, cls, aluOp, JMP, JMP32, JA, CALL, EXIT, LD_IMM64 } from './insn.js';

export interface Block {
  start: number;
  /** One past the last slot. */
  end: number;
  /** Start of the successor blocks: [fallthrough or JA target, jump target]. */
  succ: number[];
  /** Whether the last instruction falls through to `end`. */
  fallsThrough: boolean;
}

export function blocksOf(insns: readonly Insn[], start: number, end: number): Map<number, Block> {
  const leaders = new Set<number>([start]);
  for (let pc = start; pc < end; pc++) {
    const i = insns[pc]!;
    if (i.op === LD_IMM64) { pc++; continue; }
    const c = cls(i.op);
    if ((c === JMP || c === JMP32) && aluOp(i.op) !== CALL) {
      if (aluOp(i.op) !== EXIT) leaders.add(pc + 1 + i.off);
      if (pc + 1 < end) leaders.add(pc + 1);
    }
  }
  const starts = [...leaders].filter((l) => l >= start && l < end).sort((a, b) => a - b);
  const blocks = new Map<number, Block>();
  starts.forEach((s, k) => {
    const e = k + 1 < starts.length ? starts[k + 1]! : end;
    let pc = s, lastStart = s;
    while (pc < e) { lastStart = pc; pc += insns[pc]!.op === LD_IMM64 ? 2 : 1; }
    const i = insns[lastStart]!;
    const c = cls(i.op);
    const succ: number[] = [];
    let falls = true;
    if ((c === JMP || c === JMP32) && aluOp(i.op) !== CALL) {
      const o = aluOp(i.op);
      if (o === EXIT) falls = false;
      else if (o === JA && c === JMP) { falls = false; succ.push(lastStart + 1 + i.off); }
      else succ.push(lastStart + 1 + i.off);
    }
    if (falls) succ.unshift(e);
    blocks.set(s, { start: s, end: e, succ, fallsThrough: falls });
  });
  return blocks;
}

/** Blocks reachable from `start` in an order where every edge goes forward; or the edge that closes a cycle. */
export function forwardOrder(blocks: Map<number, Block>, start: number): { order: Block[] } | { cycle: [number, number] } {
  const state = new Map<number, 1 | 2>();
  const post: Block[] = [];
  // Iterative DFS (programs may have thousands of blocks).
  const stack: { b: Block; k: number }[] = [{ b: blocks.get(start)!, k: 0 }];
  state.set(start, 1);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    // Visit successors in reverse so that the fallthrough block tends to come right after.
    const succ = top.b.succ;
    if (top.k < succ.length) {
      const s = succ[succ.length - 1 - top.k++]!;
      const b = blocks.get(s);
      if (!b) continue; // outside the function: the verifier reports it
      const st = state.get(s);
      if (st === 1) return { cycle: [top.b.end - 1, s] };
      if (st === 2) continue;
      state.set(s, 1);
      stack.push({ b, k: 0 });
    } else {
      state.set(top.b.start, 2);
      post.push(top.b);
      stack.pop();
    }
  }
  return { order: post.reverse() };
}
