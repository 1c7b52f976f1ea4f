/**
 * Path compiler: turns "the rules a key hits, table after table" into one flat program of
 * [op, a, b] triples that the data path runs without looking at rules again. This is what
 * the exact-match cache stores per key, so a cache hit costs one hash probe plus the program.
 *
 * Compilation walks the tables from 0, following goto_table, applying each rule's set-field
 * actions to a copy of the key (so the next table matches the rewritten packet, as OpenFlow
 * requires) and resolving everything that depends only on the key: outputs to the ingress
 * port are skipped (OpenFlow), `in_port` and `flood` become explicit outputs, VLAN actions
 * become push/set/pop by the key's tag state, IP actions are dropped for non-IP keys. The
 * last output becomes OUT_LAST (sends the original; earlier outputs send clones), and
 * anything after it is cut. A table miss ends the walk (OpenFlow 1.3 default: drop).
 */
import type { Classifier } from './classifier.js';
import { Act } from './flow-parser.js';
import { KEY_WORDS, NORMAL_IN_PORT, VLAN_PRESENT, W_IN_PORT, W_MAC_HI, W_NW_DST, W_NW_SRC, W_SRC_LO, W_DST_LO, W_VLAN_TYPE } from './flow-key.js';

export const Op = {
  /** Drop: no output (explicit drop, table miss, or outputs only to the ingress port). */
  DROP: 0, OUT: 1, OUT_LAST: 2, PUSH_VID: 3, SET_VID: 4, POP_VLAN: 5, SET_DL_SRC: 6, SET_DL_DST: 7,
  SET_NW_SRC: 8, SET_NW_DST: 9, SET_TTL: 10, DEC_TTL: 11,
} as const;

/** Longest goto chain followed. */
export const MAX_DEPTH = 8;

export class PathCompiler {
  private readonly key = new Uint32Array(KEY_WORDS);
  /** Scratch program (worst case grows with ports; checked against `max`). */
  readonly prog: Int32Array;
  readonly rules = new Int32Array(MAX_DEPTH);
  nRules = 0;
  /** 1 when the walk ended in a table miss. */
  missed = 0;

  constructor(private readonly cls: Classifier, private readonly nports: number, readonly max: number) {
    this.prog = new Int32Array(max);
  }

  /**
   * Compiles the path of key[off..] into `this.prog`; returns the program length in words,
   * or -1 when it does not fit `max` (the caller then drops with a counted reason).
   */
  compile(src: Uint32Array, off: number): number {
    const k = this.key, cls = this.cls, prog = this.prog, max = this.max, nports = this.nports;
    for (let w = 0; w < KEY_WORDS; w++) k[w] = src[off + w]!;
    const inKey = k[W_IN_PORT]!;
    const inIdx = inKey === NORMAL_IN_PORT ? nports : inKey - 1;
    let n = 0, table = 0, lastOut = -1;
    this.nRules = 0;
    this.missed = 0;
    walk: for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const r = cls.lookup(table, k, 0);
      if (r < 0) { this.missed = 1; break; }
      this.rules[this.nRules++] = r;
      const acts = cls.rules[r]!.acts;
      let next = -1;
      for (let i = 0; i < acts.length; i += 3) {
        const op = acts[i]!, a = acts[i + 1]!, b = acts[i + 2]!;
        if (n + 3 * (op === Act.FLOOD ? nports + 1 : 1) > max) return -1;
        const isIp = (k[W_VLAN_TYPE]! & 0xffff) === 0x0800;
        const isIp6 = (k[W_VLAN_TYPE]! & 0xffff) === 0x86dd;
        switch (op) {
          case Act.OUTPUT: if (a !== inIdx) { lastOut = n; n = emit(prog, n, Op.OUT, a, 0); } break;
          case Act.IN_PORT: lastOut = n; n = emit(prog, n, Op.OUT, inIdx, 0); break;
          case Act.NORMAL: if (inIdx !== nports) { lastOut = n; n = emit(prog, n, Op.OUT, nports, 0); } break;
          case Act.FLOOD:
            for (let p = 0; p < nports; p++) if (p !== inIdx) { lastOut = n; n = emit(prog, n, Op.OUT, p, 0); }
            break;
          case Act.DROP: break;
          case Act.SET_VID:
            n = emit(prog, n, (k[W_VLAN_TYPE]! >>> 16) & VLAN_PRESENT ? Op.SET_VID : Op.PUSH_VID, a, 0);
            k[W_VLAN_TYPE] = (((VLAN_PRESENT | a) << 16) | (k[W_VLAN_TYPE]! & 0xffff)) >>> 0;
            break;
          case Act.STRIP_VLAN:
            if ((k[W_VLAN_TYPE]! >>> 16) & VLAN_PRESENT) n = emit(prog, n, Op.POP_VLAN, 0, 0);
            k[W_VLAN_TYPE] = k[W_VLAN_TYPE]! & 0xffff;
            break;
          case Act.SET_DL_SRC:
            n = emit(prog, n, Op.SET_DL_SRC, a, b);
            k[W_MAC_HI] = (((a & 0xffff) << 16) | (k[W_MAC_HI]! & 0xffff)) >>> 0;
            k[W_SRC_LO] = b >>> 0;
            break;
          case Act.SET_DL_DST:
            n = emit(prog, n, Op.SET_DL_DST, a, b);
            k[W_MAC_HI] = ((k[W_MAC_HI]! & 0xffff0000) | (a & 0xffff)) >>> 0;
            k[W_DST_LO] = b >>> 0;
            break;
          case Act.SET_NW_SRC: if (isIp) { n = emit(prog, n, Op.SET_NW_SRC, a, 0); k[W_NW_SRC] = a >>> 0; } break;
          case Act.SET_NW_DST: if (isIp) { n = emit(prog, n, Op.SET_NW_DST, a, 0); k[W_NW_DST] = a >>> 0; } break;
          case Act.SET_TTL: if (isIp || isIp6) n = emit(prog, n, Op.SET_TTL, a, 0); break;
          case Act.DEC_TTL: if (isIp || isIp6) n = emit(prog, n, Op.DEC_TTL, 0, 0); break;
          case Act.GOTO: next = a; break;
        }
      }
      if (next < 0) break walk;
      table = next;
    }
    if (lastOut < 0) { prog[0] = Op.DROP; prog[1] = 0; prog[2] = 0; return 3; }
    prog[lastOut] = Op.OUT_LAST;
    return lastOut + 3;
  }
}

function emit(prog: Int32Array, n: number, op: number, a: number, b: number): number {
  prog[n] = op;
  prog[n + 1] = a;
  prog[n + 2] = b;
  return n + 3;
}
