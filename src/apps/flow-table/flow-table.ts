/**
 * OpenFlow-style flow table (`flow-table`): rules in `ovs-ofctl add-flow` syntax, several
 * tables joined by goto_table/resubmit, an exact-match cache (EMC) in front of the classifier,
 * OVS's `normal` action (MAC learning) inside the app.
 *
 *          p0 ─► ┌────────────┐ ─► p0          input `<port>`: frames received on that port
 *          p1 ─► │ flow-table │ ─► p1          output `<port>`: frames to send out of it
 *                └────────────┘
 *
 * Args: `{ ports: string[], ofports?: number[], flows?: string[], emcSize? = 16384,
 *          emcInsertInvProb? = 100, maxFlows? = 65536, maxMacs? = 8192, agingSec? = 300 }`. `ofports` are the
 * OpenFlow numbers of the ports (default 1, 2, ... in list order); rules name ports by name
 * or number.
 *
 * Per frame: parsePacket (truncated/inconsistent headers -> dropped as malformed, counted
 * per parse error), build the key (flow-key.ts), probe the EMC; on a miss run the classifier
 * through the tables and compile the path (path.ts) into the EMC slot (once the EMC is full,
 * one miss in `emcInsertInvProb` on average, as OVS's other_config:emc-insert-inv-prob: with
 * more active flows than entries, evicting on every miss costs more than it saves); then count the frame
 * on every rule of the path and run the path's program. Any rule or port change bumps the
 * classifier version and the cache is cleared before the next frame.
 *
 * Flows are held as canonical lines (`lines`); `reconfig` moves to a new list of lines
 * keeping every rule whose table, priority and match stay (counters and duration kept,
 * actions changed in place as mod-flows does). flow-mod.ts computes the next list for
 * add-flow/mod-flows/del-flows. idle_timeout/hard_timeout expire rules in tick(); expired
 * lines stay out until they leave the args (the daemon prunes them, see `expiredLines`).
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DropReason } from '../../core/drop-reasons.js';
import { COPIED } from '../../core/counters.js';
import { parsePacket, ParsedHeaders, L3Kind } from '../../lib/proto/parse.js';
import { PARSE_ERROR_COUNT, PARSE_ERROR_NAMES } from '../../lib/proto/errors.js';
import { ExactMatchTable } from '../../lib/hash/exact-match-table.js';
import { vlanPop, vlanPush, vlanSetId, vlanSetTci } from '../../lib/proto/vlan.js';
import { writeMacHiLo } from '../../lib/proto/addr.js';
import { rd16, rd32 } from '../../lib/proto/bytes.js';
import { ipv4SetDst, ipv4SetSrc, ipv4SetTtl, ipv4DecTtl } from '../../lib/proto/ipv4.js';
import { csumFieldReplace32 } from '../../lib/proto/checksum.js';
import { udpCsumReplace32, udpSetDstPort, udpSetSrcPort } from '../../lib/proto/udp.js';
import { tcpSetDstPort, tcpSetSrcPort } from '../../lib/proto/tcp.js';
import { Fragment } from '../../lib/proto/constants.js';
import { MacTable } from '../l2-bridge/mac-table.js';
import { KEY_WORDS, W_DST_LO, W_MAC_HI, W_VLAN_TYPE, extractKey } from './flow-key.js';
import { FlowSyntaxError, actionsText, formatMatch, parseFlow, parseTraceFlow, portText, DEFAULT_PRIORITY, type ParsedFlow, type PortMap } from './flow-parser.js';
import { Classifier, type Rule } from './classifier.js';
import { MAX_DEPTH, Op, PathCompiler, type TraceStep } from './path.js';
import { flowMod, identity, stateLine, type FlowModRequest, type FlowModResult } from './flow-mod.js';
import { describeProgram } from './trace.js';

/**
 * One rule as `flow dump -j` shows it: match and actions in ovs-ofctl syntax (ports by number,
 * or by name when asked), counters as integers; timeouts only when set.
 */
export interface FlowEntry {
  table: number; priority: number; cookie: number; match: string; actions: string; packets: number; bytes: number; durationMs: number;
  idleTimeout?: number; hardTimeout?: number;
}

/** An entry as an `ovs-ofctl dump-flows` line (one that pastes back into add-flow). */
export function flowLine(e: FlowEntry): string {
  const prio = e.priority !== DEFAULT_PRIORITY ? `priority=${e.priority}${e.match ? ',' : ''}` : '';
  const timeouts = `${e.idleTimeout ? `idle_timeout=${e.idleTimeout}, ` : ''}${e.hardTimeout ? `hard_timeout=${e.hardTimeout}, ` : ''}`;
  return ` cookie=0x${e.cookie.toString(16)}, duration=${(e.durationMs / 1000).toFixed(3)}s, table=${e.table}, n_packets=${e.packets}, n_bytes=${e.bytes}, ` +
    `${timeouts}${prio}${e.match}${prio || e.match ? ' ' : ''}actions=${e.actions}`;
}

export interface FlowTableArgs {
  ports: string[];
  ofports?: number[];
  flows?: string[];
  /** Exact-match cache entries (default 16384). */
  emcSize?: number;
  /** Once the cache is full, a miss replaces an entry with probability 1/N (default 100; 1: every miss). */
  emcInsertInvProb?: number;
  /** Rule limit over all tables (default 65536). */
  maxFlows?: number;
  /** MAC table of the `normal` action. */
  maxMacs?: number;
  agingSec?: number;
}

export const flowTableSchema = {
  type: 'object',
  required: ['ports'],
  additionalProperties: false,
  properties: {
    ports: { type: 'array', minItems: 1, maxItems: 4096, items: { type: 'string', pattern: '^[A-Za-z_][\\w-]*$' } },
    ofports: { type: 'array', maxItems: 4096, items: { type: 'integer', minimum: 1, maximum: 0xfeff } },
    flows: { type: 'array', items: { type: 'string' } },
    emcSize: { type: 'integer', minimum: 16, maximum: 1 << 22 },
    emcInsertInvProb: { type: 'integer', minimum: 1, maximum: 1 << 20 },
    maxFlows: { type: 'integer', minimum: 1, maximum: 1 << 20 },
    maxMacs: { type: 'integer', minimum: 16, maximum: 1 << 22 },
    agingSec: { type: 'integer', minimum: 1, maximum: 1_000_000 },
  },
};

/** Words of program stored per EMC entry (16 actions); longer paths run uncached. */
const PROG_WORDS = 48;

/** The result of `trace`: lookups per table, what happens to the packet, where it leaves. */
export interface FlowTrace {
  flow: string;
  tables: { table: number; depth: number; rule: string | null }[];
  /** OVS-style datapath actions: `set(...)`, `push_vlan(...)`, `pop_vlan`, port numbers, or `drop`. */
  actions: string;
  outputs: { port: number; name: string }[];
}

function checkPorts(args: FlowTableArgs): PortMap {
  const ports = args.ports;
  const seen = new Set<string>();
  for (let i = 0; i < ports.length; i++) {
    if (seen.has(ports[i]!)) throw new Error(`ports[${i}]: duplicate port "${ports[i]}"`);
    seen.add(ports[i]!);
  }
  const ofports = args.ofports ?? ports.map((_, i) => i + 1);
  if (ofports.length !== ports.length) throw new Error(`ofports: ${ofports.length} numbers for ${ports.length} ports`);
  const nums = new Set<number>();
  ofports.forEach((n, i) => {
    if (nums.has(n)) throw new Error(`ofports[${i}]: OpenFlow number ${n} given twice`);
    nums.add(n);
  });
  return { names: ports.slice(), ofports: ofports.slice() };
}

export class FlowTable extends App {
  pm: PortMap;
  readonly classifier: Classifier;
  private readonly compiler: PathCompiler;
  private readonly emc: ExactMatchTable;
  private readonly emcProg: Int32Array;
  private readonly emcProgLen: Uint8Array;
  private readonly emcRules: Int32Array;
  private readonly emcNRules: Uint8Array;
  private readonly emcSize: number;
  private emcInsertInvProb: number;
  /** xorshift32 state of evictNow (never 0). */
  private rand = 0x9e3779b9 | 0;
  private readonly maxFlows: number;
  private emcVersion = -1;
  private evictFrom = 0;
  private readonly ph = new ParsedHeaders();
  private readonly key = new Uint32Array(KEY_WORDS);
  /** MAC learning of the `normal` action. */
  readonly macs: MacTable;
  /** Inputs with the OpenFlow number of their port. */
  private ins: (Link | null)[] = [];
  private inPorts: Int32Array = new Int32Array(0);
  /** Output link by OpenFlow number. */
  private outs: (Link | null)[] = [];
  /** Current flows as canonical lines, in the order they were added. */
  lines: string[] = [];
  private readonly byLine = new Map<string, Rule>();
  /** Lines removed by a timeout while still in the args. */
  readonly expired = new Set<string>();
  private timed = 0;
  private now = 0;
  private lastExpiry = 0;
  readonly parseErrors = new Float64Array(PARSE_ERROR_COUNT);
  emcHits = 0;
  emcMisses = 0;
  tableMisses = 0;
  removedIdle = 0;
  removedHard = 0;

  constructor(ctx: AppContext, args: FlowTableArgs) {
    super(ctx);
    this.pm = checkPorts(args);
    this.maxFlows = args.maxFlows ?? 65536;
    this.classifier = new Classifier(this.maxFlows);
    this.compiler = new PathCompiler(this.classifier, Math.max(PROG_WORDS, 3 * (args.ports.length + 64)));
    this.compiler.setPorts(this.pm.ofports);
    this.emcSize = args.emcSize ?? 16384;
    this.emcInsertInvProb = args.emcInsertInvProb ?? 100;
    this.emc = new ExactMatchTable({ keyWords: KEY_WORDS, capacity: this.emcSize });
    this.emcProg = new Int32Array(this.emcSize * PROG_WORDS);
    this.emcProgLen = new Uint8Array(this.emcSize);
    this.emcRules = new Int32Array(this.emcSize * MAX_DEPTH);
    this.emcNRules = new Uint8Array(this.emcSize);
    this.macs = new MacTable(args.maxMacs ?? 8192, args.agingSec ?? 300);
    this.now = performance.now();
    this.setLines(args.flows ?? []);
  }

  /** Moves to new ports and flows without losing counters of rules that stay. */
  override reconfig(raw: unknown): boolean {
    const args = raw as FlowTableArgs;
    if ((args.emcSize ?? 16384) !== this.emcSize || (args.maxFlows ?? 65536) !== this.maxFlows) return false;
    this.emcInsertInvProb = args.emcInsertInvProb ?? 100;
    const pm = checkPorts(args);
    const old = this.pm;
    this.pm = pm;
    try {
      this.setLines(args.flows ?? []);
    } catch (e) {
      this.pm = old;
      throw e;
    }
    this.compiler.setPorts(pm.ofports);
    // A port that left takes its learned MACs along.
    for (const p of old.ofports) if (!pm.ofports.includes(p)) this.macs.flush(p);
    this.classifier.version++;
    return true;
  }

  /**
   * Makes the rules those of `flows` (any order; a rule is known by table, priority and
   * match): rules that stay keep counters and duration, changed actions apply in place.
   * All lines parse before anything changes. Control path; throws FlowSyntaxError naming
   * the line index and token.
   */
  setLines(flows: readonly string[]): void {
    const parsed: ParsedFlow[] = [];
    for (let i = 0; i < flows.length; i++) {
      try {
        parsed.push(parseFlow(flows[i]!, this.pm));
      } catch (e) {
        if (e instanceof FlowSyntaxError) throw new FlowSyntaxError(e.token, `flows[${i}]: ${e.message}`);
        throw e;
      }
    }
    const cls = this.classifier;
    const want = new Map<string, { f: ParsedFlow; text: string }>();
    for (let i = 0; i < parsed.length; i++) {
      if (this.expired.has(flows[i]!)) continue;
      want.set(identity(parsed[i]!), { f: parsed[i]!, text: flows[i]! });
    }
    for (const l of [...this.expired]) if (!flows.includes(l)) this.expired.delete(l);
    const keep = new Map<string, Rule>();
    for (const r of cls.list()) {
      const id = identity(r);
      const w = want.get(id);
      if (!w) { cls.remove(r); continue; }
      if (r.actionsText !== w.f.actionsText || r.cookie !== w.f.cookie) cls.modify(r, w.f, true);
      r.idleTimeout = w.f.idleTimeout;
      r.hardTimeout = w.f.hardTimeout;
      keep.set(id, r);
    }
    this.byLine.clear();
    const lines: string[] = [];
    for (const [id, w] of want) {
      const r = keep.get(id) ?? cls.add(w.f, this.now);
      this.byLine.set(w.text, r);
      lines.push(w.text);
    }
    this.lines = lines;
    this.timed = 0;
    for (const r of cls.list()) if (r.idleTimeout > 0 || r.hardTimeout > 0) this.timed++;
  }

  /** Applies an ovs-ofctl flow mod (add-flow, mod-flows, del-flows) as the daemon does. */
  flowMod(req: FlowModRequest): FlowModResult {
    const r = flowMod(this.lines, this.pm, req);
    // add-flow over an existing rule replaces it: counters and duration restart.
    if (r.replaced !== undefined) this.setLines(this.lines.filter((l) => l !== r.replaced));
    this.setLines(r.lines);
    return r;
  }

  addFlow(text: string): void { this.flowMod({ op: 'add', flow: text }); }
  modFlows(text: string, strict = false): number { return this.flowMod({ op: 'mod', flow: text, strict }).count; }
  delFlows(match = '', strict = false): number { return this.flowMod({ op: 'del', flow: match, strict }).count; }

  /** Lines of expired rules that are still in the args (the daemon removes them from its state). */
  expiredLines(): string[] { return [...this.expired]; }

  override linked(): void {
    const ins: (Link | null)[] = [], inPorts: number[] = [];
    const top = Math.max(0, ...this.pm.ofports);
    const outs: (Link | null)[] = new Array<Link | null>(top + 1).fill(null);
    const { names, ofports } = this.pm;
    for (let i = 0; i < names.length; i++) {
      ins.push(this.input[names[i]!] ?? null);
      inPorts.push(ofports[i]!);
      outs[ofports[i]!] = this.output[names[i]!] ?? null;
    }
    this.ins = ins;
    this.inPorts = Int32Array.from(inPorts);
    this.outs = outs;
  }

  override tick(nowMs: number): void {
    this.now = nowMs;
    if (nowMs - this.lastExpiry >= 100) {
      this.lastExpiry = nowMs;
      if (this.timed > 0) this.expire(nowMs);
      this.macs.sweep(nowMs, 64);
    }
  }

  /** Removes rules whose idle or hard timeout passed (counted by reason). Control path. */
  private expire(nowMs: number): void {
    const cls = this.classifier;
    for (const [line, r] of [...this.byLine]) {
      const hard = r.hardTimeout > 0 && nowMs - r.added >= r.hardTimeout * 1000;
      const idle = r.idleTimeout > 0 && nowMs - cls.used[r.id]! >= r.idleTimeout * 1000;
      if (!hard && !idle) continue;
      if (hard) this.removedHard++; else this.removedIdle++;
      cls.remove(r);
      this.byLine.delete(line);
      this.expired.add(line);
      this.lines = this.lines.filter((l) => l !== line);
      this.timed--;
    }
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
      const inPort = this.inPorts[i]!;
      while (!l.empty()) this.process(l.receive(), inPort);
    }
  }

  private process(p: number, inPort: number): void {
    const pool = this.pool, data = pool.data, ph = this.ph, key = this.key;
    const len = pool.len[p]!;
    const err = parsePacket(data, pool.start(p), len, ph);
    if (err !== 0) {
      this.parseErrors[err]++;
      this.drop(p, DropReason.MALFORMED);
      return;
    }
    extractKey(data, ph, inPort, key, 0);
    const emc = this.emc, now = this.now;
    let slot = emc.lookupSlot(key, 0);
    let prog: Int32Array, base: number, plen: number;
    const cls = this.classifier;
    if (slot >= 0) {
      this.emcHits++;
      prog = this.emcProg; base = slot * PROG_WORDS; plen = this.emcProgLen[slot]!;
      const rb = slot * MAX_DEPTH, rules = this.emcRules;
      for (let i = 0, nr = this.emcNRules[slot]!; i < nr; i++) { const r = rules[rb + i]!; cls.nPackets[r]++; cls.nBytes[r] += len; cls.used[r] = now; }
    } else {
      this.emcMisses++;
      const c = this.compiler;
      plen = c.compile(key, 0);
      if (plen < 0) { this.drop(p, DropReason.TOO_BIG); return; }
      this.tableMisses += c.missed;
      for (let i = 0; i < c.nRules; i++) { const r = c.rules[i]!; cls.nPackets[r]++; cls.nBytes[r] += len; cls.used[r] = now; }
      prog = c.prog; base = 0;
      if (plen <= PROG_WORDS) {
        slot = emc.add(key, 0, 0);
        if (slot < 0 && this.evictNow()) slot = this.evictAndAdd();
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

  /** Whether this miss may evict a cache entry: one in emcInsertInvProb on average (xorshift32). */
  private evictNow(): boolean {
    let x = this.rand;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    this.rand = x;
    return (x >>> 0) % this.emcInsertInvProb === 0;
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
      if (op === Op.NORMAL_LAST) { this.normal(p, prog[i + 1]!, true); return; }
      if (op === Op.NORMAL) { this.normal(p, prog[i + 1]!, false); continue; }
      if (op === Op.DROP) { this.drop(p, DropReason.FILTERED); return; }
      if (op === Op.TTL_EXPIRED) { this.drop(p, DropReason.TTL_EXPIRED); return; }
      const s = pool.start(p);
      switch (op) {
        case Op.PUSH_VID:
          if (pool.off[p]! < 4) { this.drop(p, DropReason.TOO_BIG); return; }
          vlanPush(data, s, pool.len[p]!, prog[i + 1]!, prog[i + 2]!);
          pool.off[p] -= 4; pool.len[p] += 4; l3 += 4; l4 += 4;
          break;
        case Op.SET_VID: vlanSetId(data, s + 12, prog[i + 1]!); break;
        case Op.SET_PCP: vlanSetTci(data, s + 12, (rd16(data, s + 14) & 0x1fff) | (prog[i + 1]! << 13)); break;
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
        case Op.SET_TP_SRC: case Op.SET_TP_DST: {
          const proto = prog[i + 2]!, v = prog[i + 1]!, at = s + l4;
          if (proto === 6) { if (op === Op.SET_TP_SRC) tcpSetSrcPort(data, at, v); else tcpSetDstPort(data, at, v); }
          else if (proto === 17) { if (op === Op.SET_TP_SRC) udpSetSrcPort(data, at, v); else udpSetDstPort(data, at, v); }
          else { data[op === Op.SET_TP_SRC ? at : at + 2] = v >>> 8; data[(op === Op.SET_TP_SRC ? at : at + 2) + 1] = v & 0xff; }
          break;
        }
        case Op.SET_TTL:
          if (ph.l3Kind === L3Kind.IPV4) ipv4SetTtl(data, s + l3, prog[i + 1]!);
          else data[s + l3 + 7] = prog[i + 1]!;
          break;
        case Op.DEC_TTL:
          if (ph.l3Kind === L3Kind.IPV4) ipv4DecTtl(data, s + l3);
          else data[s + l3 + 7]--;
          break;
      }
    }
    // A program always ends in an output or a drop; reaching here means it was cut short.
    this.drop(p, DropReason.FILTERED);
  }

  private send(p: number, port: number): void {
    const l = port < this.outs.length ? this.outs[port]! : null;
    if (l === null) { this.drop(p, DropReason.PORT_DOWN); return; }
    l.transmit(p);
  }

  /**
   * OVS's `normal`: learn (VLAN, source MAC) on the in_port, send to the port the
   * destination was learned on (never back to the in_port), flood otherwise. Frames keep
   * their tags (ports of a flow bridge are trunks of every VLAN, as OVS ports without tag=).
   * `last`: p itself may be sent (else only clones).
   */
  private normal(p: number, inPort: number, last: boolean): void {
    // The frame as rewritten so far: MACs and tag read from it, not from the key.
    const data = this.pool.data, s = this.pool.start(p), macs = this.macs;
    const vlan = rd16(data, s + 12) === 0x8100 ? rd16(data, s + 14) & 0xfff : 0;
    const dstHi = (data[s]! << 8) | data[s + 1]!, srcHi = (data[s + 6]! << 8) | data[s + 7]!;
    if ((srcHi & 0x100) === 0) macs.learn(vlan, srcHi, rd32(data, s + 8), inPort, this.now);
    const to = (dstHi & 0x100) === 0 ? macs.lookup(vlan, dstHi, rd32(data, s + 2)) : -1;
    if (to >= 0) {
      if (to === inPort) { if (last) this.drop(p, DropReason.SAME_PORT); return; }
      this.sendCopy(p, to, last);
      return;
    }
    const ports = this.pm.ofports;
    let lastPort = -1;
    for (let i = 0; i < ports.length; i++) if (ports[i] !== inPort) lastPort = ports[i]!;
    if (lastPort < 0) { if (last) this.drop(p, DropReason.NO_DESTINATION); return; }
    for (let i = 0; i < ports.length; i++) {
      const q = ports[i]!;
      if (q === inPort) continue;
      this.sendCopy(p, q, last && q === lastPort);
    }
  }

  private sendCopy(p: number, port: number, original: boolean): void {
    if (original) { this.send(p, port); return; }
    const q = this.pool.clone(p);
    if (q < 0) this.refuse(DropReason.NO_BUFFER);
    else { this.counters[COPIED]++; this.send(q, port); }
  }

  /**
   * The verdict for a packet described in ofproto/trace syntax, without sending anything:
   * no counter, cache or MAC table changes. Control path; throws FlowSyntaxError.
   */
  trace(flow: string): FlowTrace {
    const key = parseTraceFlow(flow, this.pm);
    const c = this.compiler, steps: TraceStep[] = [];
    c.steps = steps;
    let plen: number;
    try { plen = c.compile(key, 0); } finally { c.steps = null; }
    const cls = this.classifier;
    const tables = steps.map((s) => ({ table: s.table, depth: s.depth, rule: s.rule < 0 ? null : flowLine(this.entry(cls.rules[s.rule]!, false)) }));
    if (plen < 0) return { flow, tables, actions: 'drop (too many actions or resubmits)', outputs: [] };
    const d = describeProgram(c.prog, plen, key, (inPort, dst) => this.normalPorts(inPort, dst));
    return { flow, tables, actions: d.actions, outputs: d.ports.map((p) => ({ port: p, name: portText(p, this.pm) })) };
  }

  /** Where `normal` would send a frame of key from inPort (MAC table read, not changed). */
  private normalPorts(inPort: number, key: Uint32Array): number[] {
    const vlan = (key[W_VLAN_TYPE]! >>> 16) & 0xfff, dstHi = key[W_MAC_HI]! & 0xffff;
    const to = (dstHi & 0x100) === 0 ? this.macs.lookup(vlan, dstHi, key[W_DST_LO]!) : -1;
    if (to >= 0) return to === inPort ? [] : [to];
    return this.pm.ofports.filter((p) => p !== inPort).sort((a, b) => a - b);
  }

  private entry(r: Rule, names: boolean): FlowEntry {
    const c = this.classifier, pm = names ? this.pm : undefined;
    return {
      table: r.table, priority: r.priority, cookie: r.cookie, match: formatMatch(r.mask, r.value, pm), actions: actionsText(r.actions, pm),
      packets: c.nPackets[r.id]!, bytes: c.nBytes[r.id]!, durationMs: Math.max(0, Math.round(this.now - r.added)),
      ...(r.idleTimeout ? { idleTimeout: r.idleTimeout } : {}), ...(r.hardTimeout ? { hardTimeout: r.hardTimeout } : {}),
    };
  }

  /**
   * The rules with their counters (table ascending, priority descending), optionally filtered
   * by an ovs-ofctl match (non-strict, as dump-flows does); ports by name with `names`.
   * Control path; throws FlowSyntaxError for a bad filter.
   */
  flowEntries(filter = '', names = false): FlowEntry[] {
    const sel = flowMod(this.lines, this.pm, { op: 'select', flow: filter }).selected;
    return this.classifier.list().filter((r) => sel.has(identity(r))).map((r) => this.entry(r, names));
  }

  /** ovs-ofctl dump-flows lines of flowEntries(). Control path. */
  dumpFlows(filter = '', names = false): string[] { return this.flowEntries(filter, names).map(flowLine); }

  /** The canonical line of every rule (as the daemon stores them). */
  canonicalLines(): string[] { return this.classifier.list().map((r) => stateLine(r)); }

  /** The MAC table of the `normal` action, as `fdb show` prints it. */
  macTable(): { port: number; name: string; vlan: number; mac: string; age: number }[] {
    return this.macs.dump(this.now).map((e) => ({ port: e.port, name: portText(e.port, this.pm), vlan: e.vlan, mac: e.mac, age: e.ageSec }));
  }

  override report(): Record<string, unknown> {
    const parse: Record<string, number> = {};
    for (let i = 1; i < PARSE_ERROR_COUNT; i++) if (this.parseErrors[i]! > 0) parse[PARSE_ERROR_NAMES[i]!] = this.parseErrors[i]!;
    return {
      flows: this.classifier.size,
      emc: { size: this.emc.size, hits: this.emcHits, misses: this.emcMisses }, tableMisses: this.tableMisses,
      removed: { idle: this.removedIdle, hard: this.removedHard }, macs: this.macs.size, parseErrors: parse,
    };
  }
}

