/**
 * OpenFlow-style flow table (`flow-table`): rules in `ovs-ofctl add-flow` syntax, several
 * tables joined by goto_table, an exact-match cache (EMC) in front of the classifier.
 *
 *          p0 ─► ┌────────────┐ ─► p0          input `<port>`: frames received on that port
 *          p1 ─► │ flow-table │ ─► p1          output `<port>`: frames to send out of it
 *      normal ─► └────────────┘ ─► normal      optional: `normal` action hands frames to a
 *                                              bridge; frames coming back on input `normal`
 *                                              are classified with in_port=normal
 *
 * Args: `{ ports: string[], flows?: string[], emcSize? = 16384, maxFlows? = 65536 }`.
 *
 * Per frame: parsePacket (truncated/inconsistent headers -> dropped as malformed, counted
 * per parse error), build the key (flow-key.ts), probe the EMC; on a miss run the classifier
 * through the goto chain and compile the path (path.ts) into the EMC slot; then count the
 * frame on every rule of the path and run the path's program. The EMC is per app, i.e. per
 * engine thread; any rule change bumps the classifier version and the cache is cleared before
 * the next frame, so no frame ever runs a stale program and none is dropped for it.
 *
 * Control path (call between breaths, e.g. from the engine's control channel):
 *   addFlow(text)            add or replace a rule; FlowSyntaxError names the bad token
 *   delFlows(match?, strict?) delete matching rules (ovs-ofctl del-flows; strict also
 *                             compares priority and requires the exact match); returns count
 *   dumpFlows(table?)        ovs-ofctl dump-flows-like lines with n_packets/n_bytes
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DropReason } from '../../core/drop-reasons.js';
import { COPIED } from '../../core/counters.js';
import { parsePacket, ParsedHeaders, L3Kind } from '../../lib/proto/parse.js';
import { PARSE_ERROR_COUNT, PARSE_ERROR_NAMES } from '../../lib/proto/errors.js';
import { ExactMatchTable } from '../../lib/hash/exact-match-table.js';
import { vlanPop, vlanPush, vlanSetId } from '../../lib/proto/vlan.js';
import { writeMacHiLo } from '../../lib/proto/addr.js';
import { rd32 } from '../../lib/proto/bytes.js';
import { ipv4SetDst, ipv4SetSrc, ipv4SetTtl, ipv4DecTtl } from '../../lib/proto/ipv4.js';
import { csumFieldReplace32 } from '../../lib/proto/checksum.js';
import { udpCsumReplace32 } from '../../lib/proto/udp.js';
import { Fragment } from '../../lib/proto/constants.js';
import { KEY_WORDS, NORMAL_IN_PORT, extractKey } from './flow-key.js';
import { FlowSyntaxError, parseFlow, parseMatch } from './flow-parser.js';
import { Classifier, covers } from './classifier.js';
import { MAX_DEPTH, Op, PathCompiler } from './path.js';

/** One rule as `flow dump -j` shows it: match and actions in ovs-ofctl syntax, counters as integers. */
export interface FlowEntry { table: number; priority: number; cookie: number; match: string; actions: string; packets: number; bytes: number; durationMs: number }

/** An entry as an `ovs-ofctl dump-flows` line. */
export function flowLine(e: FlowEntry): string {
  const cookie = e.cookie !== 0 ? `cookie=0x${e.cookie.toString(16)}, ` : '';
  const match = e.match !== '' ? `,${e.match}` : '';
  return ` ${cookie}duration=${(e.durationMs / 1000).toFixed(3)}s, table=${e.table}, n_packets=${e.packets}, n_bytes=${e.bytes}, priority=${e.priority}${match} actions=${e.actions}`;
}

export interface FlowTableArgs {
  ports: string[];
  flows?: string[];
  /** Exact-match cache entries (default 16384). */
  emcSize?: number;
  /** Rule limit over all tables (default 65536). */
  maxFlows?: number;
}

export const flowTableSchema = {
  type: 'object',
  required: ['ports'],
  additionalProperties: false,
  properties: {
    ports: { type: 'array', minItems: 1, maxItems: 4096, items: { type: 'string', pattern: '^[A-Za-z_][\\w-]*$' } },
    flows: { type: 'array', items: { type: 'string' } },
    emcSize: { type: 'integer', minimum: 16, maximum: 1 << 22 },
    maxFlows: { type: 'integer', minimum: 1, maximum: 1 << 20 },
  },
};

/** Words of program stored per EMC entry (16 actions); longer paths run uncached. */
const PROG_WORDS = 48;

export class FlowTable extends App {
  readonly ports: string[];
  readonly classifier: Classifier;
  private readonly nports: number;
  private readonly compiler: PathCompiler;
  private readonly emc: ExactMatchTable;
  private readonly emcProg: Int32Array;
  private readonly emcProgLen: Uint8Array;
  private readonly emcRules: Int32Array;
  private readonly emcNRules: Uint8Array;
  private emcVersion = -1;
  private evictFrom = 0;
  private readonly ph = new ParsedHeaders();
  private readonly key = new Uint32Array(KEY_WORDS);
  /** Inputs indexed by port, then `normal` at index nports. */
  private ins: (Link | null)[] = [];
  /** Outputs indexed by port, then `normal` at index nports. */
  private outs: (Link | null)[] = [];
  readonly parseErrors = new Float64Array(PARSE_ERROR_COUNT);
  emcHits = 0;
  emcMisses = 0;
  tableMisses = 0;

  constructor(ctx: AppContext, args: FlowTableArgs) {
    super(ctx);
    const ports = args.ports;
    const seen = new Set<string>();
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i]!;
      if (p === 'normal') throw new Error(`ports[${i}]: "normal" is reserved for the bridge hand-off link`);
      if (seen.has(p)) throw new Error(`ports[${i}]: duplicate port "${p}"`);
      seen.add(p);
    }
    this.ports = ports.slice();
    this.nports = ports.length;
    this.classifier = new Classifier(args.maxFlows ?? 65536);
    this.compiler = new PathCompiler(this.classifier, this.nports, Math.max(PROG_WORDS, 3 * (this.nports + 20)));
    const emcSize = args.emcSize ?? 16384;
    this.emc = new ExactMatchTable({ keyWords: KEY_WORDS, capacity: emcSize });
    this.emcProg = new Int32Array(emcSize * PROG_WORDS);
    this.emcProgLen = new Uint8Array(emcSize);
    this.emcRules = new Int32Array(emcSize * MAX_DEPTH);
    this.emcNRules = new Uint8Array(emcSize);
    const flows = args.flows ?? [];
    for (let i = 0; i < flows.length; i++) {
      try {
        this.addFlow(flows[i]!);
      } catch (e) {
        if (e instanceof FlowSyntaxError) throw new FlowSyntaxError(e.token, `flows[${i}]: ${e.message}`);
        throw e;
      }
    }
  }

  override linked(): void {
    const ins: (Link | null)[] = [], outs: (Link | null)[] = [];
    for (let i = 0; i < this.nports; i++) {
      ins.push(this.input[this.ports[i]!] ?? null);
      outs.push(this.output[this.ports[i]!] ?? null);
    }
    ins.push(this.input.normal ?? null);
    outs.push(this.output.normal ?? null);
    this.ins = ins;
    this.outs = outs;
  }

  override push(): void {
    if (this.emcVersion !== this.classifier.version) {
      // Rules changed since the cache was filled: forget every cached path (cheap, rare).
      this.emc.clear();
      this.emcVersion = this.classifier.version;
    }
    const ins = this.ins, n = ins.length;
    for (let i = 0; i < n; i++) {
      const l = ins[i]!;
      if (l === null) continue;
      const inKey = i === this.nports ? NORMAL_IN_PORT : i + 1;
      while (!l.empty()) this.process(l.receive(), inKey);
    }
  }

  private process(p: number, inKey: number): void {
    const pool = this.pool, data = pool.data, ph = this.ph, key = this.key;
    const len = pool.len[p]!;
    const err = parsePacket(data, pool.start(p), len, ph);
    if (err !== 0) {
      this.parseErrors[err]++;
      this.drop(p, DropReason.MALFORMED);
      return;
    }
    extractKey(data, ph, inKey, key, 0);
    const emc = this.emc;
    let slot = emc.lookupSlot(key, 0);
    let prog: Int32Array, base: number, plen: number;
    const cls = this.classifier;
    if (slot >= 0) {
      this.emcHits++;
      prog = this.emcProg; base = slot * PROG_WORDS; plen = this.emcProgLen[slot]!;
      const rb = slot * MAX_DEPTH, rules = this.emcRules;
      for (let i = 0, nr = this.emcNRules[slot]!; i < nr; i++) { const r = rules[rb + i]!; cls.nPackets[r]++; cls.nBytes[r] += len; }
    } else {
      this.emcMisses++;
      const c = this.compiler;
      plen = c.compile(key, 0);
      if (plen < 0) { this.drop(p, DropReason.TOO_BIG); return; }
      this.tableMisses += c.missed;
      for (let i = 0; i < c.nRules; i++) { const r = c.rules[i]!; cls.nPackets[r]++; cls.nBytes[r] += len; }
      prog = c.prog; base = 0;
      if (plen <= PROG_WORDS) {
        slot = emc.add(key, 0, 0);
        if (slot < 0) slot = this.evictAndAdd();
        if (slot >= 0) {
          const dst = this.emcProg, sb = slot * PROG_WORDS;
          for (let i = 0; i < plen; i++) dst[sb + i] = prog[i]!;
          this.emcProgLen[slot] = plen;
          const rb = slot * MAX_DEPTH;
          for (let i = 0; i < c.nRules; i++) this.emcRules[rb + i] = c.rules[i]!;
          this.emcNRules[slot] = c.nRules;
        }
      }
    }
    this.run(p, prog, base, plen);
  }

  /** Frees one cache entry (round robin) and adds the current key. */
  private evictAndAdd(): number {
    const emc = this.emc;
    let v = emc.nextSlot(this.evictFrom);
    if (v < 0) v = emc.nextSlot(0);
    if (v < 0) return -1;
    emc.deleteSlot(v);
    this.evictFrom = v + 1;
    return emc.add(this.key, 0, 0);
  }

  /** Runs a compiled path program on p. */
  private run(p: number, prog: Int32Array, base: number, plen: number): void {
    const pool = this.pool, data = pool.data, ph = this.ph;
    // Header offsets relative to the frame start; VLAN push/pop shift them.
    let l3 = ph.l3Off - ph.start;
    let l4 = ph.l4Off - ph.start;
    const end = base + plen;
    for (let i = base; i < end; i += 3) {
      const op = prog[i]!;
      if (op === Op.OUT_LAST) { this.send(p, prog[i + 1]!); return; }
      if (op === Op.OUT) {
        const q = pool.clone(p);
        if (q < 0) this.refuse(DropReason.NO_BUFFER);
        else { this.counters[COPIED]++; this.send(q, prog[i + 1]!); }
        continue;
      }
      if (op === Op.DROP) { this.drop(p, DropReason.FILTERED); return; }
      const s = pool.start(p);
      switch (op) {
        case Op.PUSH_VID:
          if (pool.off[p]! < 4) { this.drop(p, DropReason.TOO_BIG); return; }
          vlanPush(data, s, pool.len[p]!, prog[i + 1]!, 0);
          pool.off[p] -= 4; pool.len[p] += 4; l3 += 4; l4 += 4;
          break;
        case Op.SET_VID: vlanSetId(data, s + 12, prog[i + 1]!); break;
        case Op.POP_VLAN:
          vlanPop(data, s, pool.len[p]!);
          pool.off[p] += 4; pool.len[p] -= 4; l3 -= 4; l4 -= 4;
          break;
        case Op.SET_DL_SRC: writeMacHiLo(data, s + 6, prog[i + 1]!, prog[i + 2]! >>> 0); break;
        case Op.SET_DL_DST: writeMacHiLo(data, s, prog[i + 1]!, prog[i + 2]! >>> 0); break;
        case Op.SET_NW_SRC: case Op.SET_NW_DST: {
          const ip = s + l3, nw = prog[i + 1]! >>> 0;
          const fieldOff = op === Op.SET_NW_SRC ? 12 : 16;
          const old = rd32(data, ip + fieldOff);
          if (op === Op.SET_NW_SRC) ipv4SetSrc(data, ip, nw); else ipv4SetDst(data, ip, nw);
          // The address is in the TCP/UDP pseudo-header: fix their checksums too (not in later fragments).
          if (ph.fragment !== Fragment.LATER) {
            if (ph.l4Proto === 6) csumFieldReplace32(data, s + l4 + 16, old, nw);
            else if (ph.l4Proto === 17) udpCsumReplace32(data, s + l4, old, nw);
          }
          break;
        }
        case Op.SET_TTL:
          if (ph.l3Kind === L3Kind.IPV4) ipv4SetTtl(data, s + l3, prog[i + 1]!);
          else data[s + l3 + 7] = prog[i + 1]!;
          break;
        case Op.DEC_TTL: {
          const ttlOff = s + l3 + (ph.l3Kind === L3Kind.IPV4 ? 8 : 7);
          if (data[ttlOff]! <= 1) { this.drop(p, DropReason.TTL_EXPIRED); return; }
          if (ph.l3Kind === L3Kind.IPV4) ipv4DecTtl(data, s + l3);
          else data[ttlOff]--;
          break;
        }
      }
    }
    // A program always ends in OUT_LAST or DROP; reaching here means it was cut short.
    this.drop(p, DropReason.FILTERED);
  }

  private send(p: number, port: number): void {
    const l = this.outs[port]!;
    if (l === null) { this.drop(p, DropReason.PORT_DOWN); return; }
    l.transmit(p);
  }

  /** Adds (or replaces) one rule. Control path; throws FlowSyntaxError naming the bad token. */
  addFlow(text: string): void {
    this.classifier.add(parseFlow(text, this.ports));
  }

  /**
   * Deletes rules matching `match` (ovs-ofctl del-flows syntax; empty = all). Non-strict: every
   * rule at least as specific as the match (in `table=` if given). Strict: the same match and,
   * when given, the same priority. Returns the number deleted. Control path.
   */
  delFlows(match = '', strict = false): number {
    const f = parseMatch(match, this.ports);
    let n = 0;
    for (const r of this.classifier.list(f.tableSet ? f.table : -1)) {
      let hit: boolean;
      if (strict) {
        hit = r.mask.every((m, w) => m === f.match.mask[w]) && r.value.every((v, w) => v === f.match.value[w]) &&
          (!f.prioritySet || r.priority === f.priority);
      } else hit = covers(f.match.mask, f.match.value, r.mask, r.value);
      if (hit) { this.classifier.remove(r); n++; }
    }
    return n;
  }

  /** The rules with their counters (table ascending, priority descending). Control path. */
  flowEntries(table = -1): FlowEntry[] {
    const now = performance.now(), c = this.classifier;
    return c.list(table).map((r) => ({
      table: r.table, priority: r.priority, cookie: r.cookie, match: r.matchText, actions: r.actionsText,
      packets: c.nPackets[r.id]!, bytes: c.nBytes[r.id]!, durationMs: Math.round(now - r.added),
    }));
  }

  /** ovs-ofctl dump-flows-like lines (table ascending, priority descending). Control path. */
  dumpFlows(table = -1): string[] { return this.flowEntries(table).map(flowLine); }

  override report(): Record<string, unknown> {
    const parse: Record<string, number> = {};
    for (let i = 1; i < PARSE_ERROR_COUNT; i++) if (this.parseErrors[i]! > 0) parse[PARSE_ERROR_NAMES[i]!] = this.parseErrors[i]!;
    return { flows: this.classifier.size, emc: { size: this.emc.size, hits: this.emcHits, misses: this.emcMisses }, tableMisses: this.tableMisses, parseErrors: parse };
  }
}
