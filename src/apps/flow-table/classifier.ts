/**
 * Classifier: the rules of every table of a flow-table app, searched by tuple space search
 * (OVS's classifier): the rules of a table are grouped by mask into subtables, each an
 * ExactMatchTable from the masked key to the highest-priority rule with that match; a lookup
 * probes subtables in order of their best priority and stops once no remaining subtable
 * can beat the best hit. Cost: one hash probe per distinct mask, independent of rule count.
 *
 * Rules live in per-id typed arrays for the data path (priority, counters, last use) and in
 * `Rule` objects for the control path. Adding a rule whose match is identical to an existing
 * rule of the same table and priority replaces it, counters and duration restarting (as
 * `ovs-ofctl add-flow` does); `modify` changes actions in place, counters kept (mod-flows).
 * Overlapping rules at one priority are allowed, as in OVS (which of them wins is
 * unspecified there; here the older one).
 *
 * Contract: add/remove/match/dump are control path (allocate, may throw); `lookup(table,
 * key, off)` is data path (no allocation, no throw) and returns a rule id or -1.
 */
import { ExactMatchTable } from '../../lib/hash/exact-match-table.js';
import { KEY_WORDS } from './flow-key.js';
import { FlowSyntaxError, MAX_TABLES, type FlowAction, type ParsedFlow } from './flow-parser.js';

export interface Rule {
  id: number;
  table: number;
  priority: number;
  cookie: number;
  idleTimeout: number;
  hardTimeout: number;
  mask: Uint32Array;
  value: Uint32Array;
  matchText: string;
  actions: FlowAction[];
  actionsText: string;
  /** Actions as [op, a, b] triples (data path form). */
  acts: Int32Array;
  /** Time the rule was added (ms, performance.now()). */
  added: number;
}

class Subtable {
  em: ExactMatchTable;
  /** The highest priority of its rules (lookups skip subtables that cannot beat a hit). */
  maxPriority = -1;
  /** hex(masked value) -> rules with that match, highest priority first. */
  readonly byValue = new Map<string, Rule[]>();
  /** Rules per priority, so maxPriority follows adds and removes without a scan of every rule. */
  readonly perPriority = new Map<number, number>();
  constructor(readonly mask: Uint32Array, capacity: number) {
    this.em = new ExactMatchTable({ keyWords: KEY_WORDS, capacity });
  }
}

class Table {
  subs: Subtable[] = [];
  readonly byMask = new Map<string, Subtable>();
  readonly rules = new Set<Rule>();
}

const hex = (a: Uint32Array) => Array.from(a, (x) => x.toString(16)).join('.');

export function actionsToInts(actions: FlowAction[]): Int32Array {
  const out = new Int32Array(actions.length * 3);
  for (let i = 0; i < actions.length; i++) {
    out[3 * i] = actions[i]!.op;
    out[3 * i + 1] = actions[i]!.a | 0;
    out[3 * i + 2] = actions[i]!.b | 0;
  }
  return out;
}

export class Classifier {
  readonly maxRules: number;
  readonly priority: Int32Array;
  readonly nPackets: Float64Array;
  readonly nBytes: Float64Array;
  /** Time of the last packet (ms, the app's clock), for idle_timeout. */
  readonly used: Float64Array;
  readonly rules: (Rule | undefined)[];
  private readonly tables: (Table | undefined)[] = new Array<Table | undefined>(MAX_TABLES).fill(undefined);
  private readonly freeIds: number[] = [];
  private readonly masked = new Uint32Array(KEY_WORDS);
  /** Bumped on every change (the app's cache is valid while it holds). */
  version = 0;

  constructor(maxRules: number) {
    this.maxRules = maxRules;
    this.priority = new Int32Array(maxRules);
    this.nPackets = new Float64Array(maxRules);
    this.nBytes = new Float64Array(maxRules);
    this.used = new Float64Array(maxRules);
    this.rules = new Array<Rule | undefined>(maxRules).fill(undefined);
    for (let i = maxRules - 1; i >= 0; i--) this.freeIds.push(i);
  }

  get size(): number { return this.maxRules - this.freeIds.length; }

  /** The rule with the same table, priority and match as `f`, if any. */
  find(f: ParsedFlow): Rule | undefined {
    const t = this.tables[f.table];
    if (!t) return undefined;
    const st = t.byMask.get(hex(f.match.mask));
    return st?.byValue.get(hex(f.match.value))?.find((r) => r.priority === f.priority);
  }

  /** Changes a rule's actions (and cookie) in place; counters and duration stay (mod-flows). */
  modify(r: Rule, f: ParsedFlow, cookie: boolean): void {
    r.actions = f.actions;
    r.actionsText = f.actionsText;
    r.acts = actionsToInts(f.actions);
    if (cookie) r.cookie = f.cookie;
    this.version++;
  }

  /** Adds a rule, replacing one with the same table, priority and match; returns it. Throws FlowSyntaxError when full. */
  add(f: ParsedFlow, now = performance.now()): Rule {
    const old = this.find(f);
    if (old) this.remove(old);
    const t = this.tables[f.table] ?? (this.tables[f.table] = new Table());
    const mk = hex(f.match.mask), vk = hex(f.match.value);
    const id = this.freeIds.pop();
    if (id === undefined) throw new FlowSyntaxError('actions=', `flow table full (${this.maxRules} rules)`);
    const rule: Rule = {
      id, table: f.table, priority: f.priority, cookie: f.cookie, idleTimeout: f.idleTimeout, hardTimeout: f.hardTimeout, mask: f.match.mask, value: f.match.value,
      matchText: f.match.text, actions: f.actions, actionsText: f.actionsText, acts: actionsToInts(f.actions), added: now,
    };
    this.rules[id] = rule;
    this.priority[id] = f.priority;
    this.nPackets[id] = 0;
    this.nBytes[id] = 0;
    this.used[id] = now;
    t.rules.add(rule);
    let st = t.byMask.get(mk);
    if (!st) {
      st = new Subtable(f.match.mask, 64);
      t.byMask.set(mk, st);
      t.subs.push(st);
    }
    const list = st.byValue.get(vk) ?? [];
    list.push(rule);
    list.sort((a, b) => b.priority - a.priority || a.id - b.id);
    st.byValue.set(vk, list);
    this.publish(st, rule.value, list[0]!.id);
    st.perPriority.set(rule.priority, (st.perPriority.get(rule.priority) ?? 0) + 1);
    if (rule.priority > st.maxPriority) {
      st.maxPriority = rule.priority;
      this.resort(t);
    }
    this.version++;
    return rule;
  }

  /** Removes a rule. */
  remove(rule: Rule): void {
    const t = this.tables[rule.table]!;
    if (!t.rules.delete(rule)) return;
    const mk = hex(rule.mask), vk = hex(rule.value);
    const st = t.byMask.get(mk)!;
    const list = st.byValue.get(vk)!.filter((r) => r !== rule);
    if (list.length === 0) {
      st.byValue.delete(vk);
      st.em.delete(rule.value, 0);
    } else {
      st.byValue.set(vk, list);
      st.em.add(rule.value, 0, list[0]!.id);
    }
    const left = st.perPriority.get(rule.priority)! - 1;
    if (left > 0) st.perPriority.set(rule.priority, left);
    else st.perPriority.delete(rule.priority);
    if (st.byValue.size === 0) {
      t.byMask.delete(mk);
      t.subs = t.subs.filter((s) => s !== st);
    } else if (left === 0 && rule.priority === st.maxPriority) {
      let m = -1;
      for (const pr of st.perPriority.keys()) if (pr > m) m = pr;
      st.maxPriority = m;
      this.resort(t);
    }
    this.rules[rule.id] = undefined;
    this.freeIds.push(rule.id);
    this.version++;
  }

  /** Rules of a table (all tables when table < 0), table ascending then priority descending, older first. */
  list(table = -1): Rule[] {
    const out: Rule[] = [];
    for (let i = 0; i < MAX_TABLES; i++) {
      if (table >= 0 && i !== table) continue;
      const t = this.tables[i];
      // A loop, not push(...rules): a spread of 100k+ arguments overflows the stack.
      if (t) for (const r of [...t.rules].sort((a, b) => b.priority - a.priority || a.id - b.id)) out.push(r);
    }
    return out;
  }

  /** Highest-priority rule of `table` matching key[off..], or -1. Data path. */
  lookup(table: number, key: Uint32Array, off: number): number {
    const t = this.tables[table];
    if (t === undefined) return -1;
    const subs = t.subs, mk = this.masked, prio = this.priority;
    let best = -1, bestPri = -1;
    for (let i = 0; i < subs.length; i++) {
      const st = subs[i]!;
      if (st.maxPriority <= bestPri) break;
      const m = st.mask;
      for (let w = 0; w < KEY_WORDS; w++) mk[w] = key[off + w]! & m[w]!;
      const r = st.em.lookup(mk, 0);
      if (r >= 0 && prio[r]! > bestPri) { best = r; bestPri = prio[r]!; }
    }
    return best;
  }

  private publish(st: Subtable, value: Uint32Array, id: number): void {
    if (st.em.add(value, 0, id) >= 0) return;
    // Full: rebuild at twice the size (control path).
    const bigger = new ExactMatchTable({ keyWords: KEY_WORDS, capacity: st.em.capacity * 2 });
    for (const list of st.byValue.values()) bigger.add(list[0]!.value, 0, list[0]!.id);
    st.em = bigger;
  }

  /** Subtables in order of their best priority (a handful: one per distinct mask). */
  private resort(t: Table): void {
    t.subs.sort((a, b) => b.maxPriority - a.maxPriority);
  }
}

/** True when some key matches both (mask, value) pairs. */
export function overlaps(m1: Uint32Array, v1: Uint32Array, m2: Uint32Array, v2: Uint32Array): boolean {
  for (let w = 0; w < KEY_WORDS; w++) if (((v1[w]! ^ v2[w]!) & m1[w]! & m2[w]!) !== 0) return false;
  return true;
}

/** True when every key matching (rm, rv) also matches the filter (fm, fv): del-flows' non-strict test. */
export function covers(fm: Uint32Array, fv: Uint32Array, rm: Uint32Array, rv: Uint32Array): boolean {
  for (let w = 0; w < KEY_WORDS; w++) {
    if ((fm[w]! & ~rm[w]!) !== 0) return false;
    if (((rv[w]! ^ fv[w]!) & fm[w]!) !== 0) return false;
  }
  return true;
}
