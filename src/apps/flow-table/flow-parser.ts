/**
 * Parser for flow rules in the `ovs-ofctl add-flow` syntax (control path; allocates).
 *
 *   [table=N,][priority=N,][cookie=N,]<match fields>,actions=<action>[,<action>...]
 *
 * Match fields: in_port=<name|number|normal>, dl_src/dl_dst=<mac>[/<mask>], dl_vlan=<0..4095
 * | 0xffff (untagged)>, dl_type=<n>, nw_src/nw_dst=<ip>[/<len|mask>], nw_proto=<n>,
 * tp_src/tp_dst=<n>[/<mask>], and the shorthands ip, ipv6, arp, tcp, udp, sctp, icmp, icmp6.
 * Prerequisites are checked as OVS does: nw_* need ip or arp (nw_proto also ipv6), tp_* need
 * nw_proto tcp, udp, sctp or icmp.
 * Actions: output:<port> (or a bare port), flood, normal, in_port, drop, mod_vlan_vid:<vid>,
 * strip_vlan, mod_dl_src:<mac>, mod_dl_dst:<mac>, mod_nw_src:<ip>, mod_nw_dst:<ip>,
 * mod_nw_ttl:<n>, dec_ttl, goto_table:<n> (last, to a higher table).
 *
 * Ports are named by their name in the app's `ports` list or by 1-based number. Every error
 * is a `FlowSyntaxError` whose `token` is the offending token and whose message quotes it.
 */
import { parseIpv4, parseMac, macHi16, macLo32 } from '../../lib/proto/addr.js';
import { KEY_WORDS, NORMAL_IN_PORT, VLAN_PRESENT, W_DST_LO, W_IN_PORT, W_MAC_HI, W_NW_DST, W_NW_SRC, W_PROTO, W_SRC_LO, W_TP, W_VLAN_TYPE } from './flow-key.js';

/** A rule or match text that does not parse; `token` is the offending token. */
export class FlowSyntaxError extends Error {
  constructor(readonly token: string, message: string) {
    super(message);
    this.name = 'FlowSyntaxError';
  }
}

export const Act = {
  OUTPUT: 1, FLOOD: 2, NORMAL: 3, IN_PORT: 4, DROP: 5, SET_VID: 6, STRIP_VLAN: 7,
  SET_DL_SRC: 8, SET_DL_DST: 9, SET_NW_SRC: 10, SET_NW_DST: 11, SET_TTL: 12, DEC_TTL: 13, GOTO: 14,
} as const;

/** One action: `op` from Act; `a`/`b` its operands (port index, VID, MAC hi/lo, IPv4, TTL, table). */
export interface FlowAction { op: number; a: number; b: number }

export interface FlowMatch {
  mask: Uint32Array;
  value: Uint32Array;
  /** Canonical text of the match fields (without table/priority). */
  text: string;
}

export interface ParsedFlow {
  table: number;
  priority: number;
  cookie: number;
  match: FlowMatch;
  actions: FlowAction[];
  actionsText: string;
}

export const DEFAULT_PRIORITY = 32768;
export const MAX_TABLES = 255;

const NUM_RE = /^(0x[0-9a-f]+|[0-9]+)$/i;

function num(tok: string, text: string, min: number, max: number, what: string): number {
  if (!NUM_RE.test(text)) throw new FlowSyntaxError(tok, `"${tok}": ${what} must be a number in [${min}, ${max}]`);
  const v = Number(text);
  if (!(v >= min && v <= max)) throw new FlowSyntaxError(tok, `"${tok}": ${what} ${text} is out of range [${min}, ${max}]`);
  return v;
}

function mac(tok: string, text: string): number {
  try { return parseMac(text); } catch { throw new FlowSyntaxError(tok, `"${tok}": bad MAC address "${text}"`); }
}

function ipv4(tok: string, text: string): number {
  try { return parseIpv4(text); } catch { throw new FlowSyntaxError(tok, `"${tok}": bad IPv4 address "${text}"`); }
}

/** Resolves a port token (name, 1-based number) to its 0-based index. */
export function resolvePort(tok: string, text: string, ports: readonly string[]): number {
  const i = ports.indexOf(text);
  if (i >= 0) return i;
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= ports.length) return n - 1;
  }
  throw new FlowSyntaxError(tok, `"${tok}": unknown port "${text}" (ports: ${ports.join(', ')})`);
}

/** Splits on commas and whitespace outside parentheses; drops empty pieces. */
function split(s: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth === 0 && (ch === ',' || ch === ' ' || ch === '\t')) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

const SHORTHANDS: Record<string, [number, number]> = {
  ip: [0x0800, -1], ipv6: [0x86dd, -1], arp: [0x0806, -1], tcp: [0x0800, 6], udp: [0x0800, 17], sctp: [0x0800, 132],
  icmp: [0x0800, 1], icmp6: [0x86dd, 58], tcp6: [0x86dd, 6], udp6: [0x86dd, 17],
};

interface MatchState {
  mask: Uint32Array; value: Uint32Array; parts: string[];
  dlType: number; nwProto: number; nwTok: string; protoTok: string; tpTok: string;
  table: number; priority: number; cookie: number; prioritySet: boolean;
}

function setField(m: MatchState, w: number, fieldMask: number, v: number, tok: string, field: string): void {
  if ((m.mask[w]! & fieldMask) !== 0) throw new FlowSyntaxError(tok, `"${tok}": ${field} given twice`);
  m.mask[w] = (m.mask[w]! | fieldMask) >>> 0;
  m.value[w] = (m.value[w]! | (v & fieldMask)) >>> 0;
}

function matchToken(m: MatchState, tok: string, ports: readonly string[]): void {
  const eq = tok.indexOf('=');
  const key = (eq < 0 ? tok : tok.slice(0, eq)).toLowerCase();
  const val = eq < 0 ? '' : tok.slice(eq + 1);
  if (eq < 0) {
    const sh = SHORTHANDS[key];
    if (!sh) throw new FlowSyntaxError(tok, `"${tok}": unknown match field`);
    setField(m, W_VLAN_TYPE, 0xffff, sh[0], tok, 'dl_type');
    m.dlType = sh[0];
    if (sh[1] >= 0) { setField(m, W_PROTO, 0xff, sh[1], tok, 'nw_proto'); m.nwProto = sh[1]; m.protoTok = tok; }
    m.parts.push(key);
    return;
  }
  if (val === '') throw new FlowSyntaxError(tok, `"${tok}": missing value`);
  const [base, maskText] = val.includes('/') ? [val.slice(0, val.indexOf('/')), val.slice(val.indexOf('/') + 1)] : [val, undefined];
  switch (key) {
    case 'table': m.table = num(tok, val, 0, MAX_TABLES - 1, 'table'); return;
    case 'priority': m.priority = num(tok, val, 0, 65535, 'priority'); m.prioritySet = true; return;
    case 'cookie': m.cookie = num(tok, val, 0, Number.MAX_SAFE_INTEGER, 'cookie'); return;
    case 'in_port': {
      const p = val.toLowerCase() === 'normal' ? NORMAL_IN_PORT : resolvePort(tok, val, ports) + 1;
      setField(m, W_IN_PORT, 0xffffffff, p, tok, 'in_port');
      m.parts.push(`in_port=${p === NORMAL_IN_PORT ? 'normal' : ports[p - 1]}`);
      return;
    }
    case 'dl_src': case 'dl_dst': {
      const v = mac(tok, base!);
      const mk = maskText === undefined ? 0xffff_ffff_ffff : mac(tok, maskText);
      const hiShift = key === 'dl_src' ? 16 : 0;
      const loW = key === 'dl_src' ? W_SRC_LO : W_DST_LO;
      if (mk === 0) { m.parts.push(tok); return; }
      setField(m, W_MAC_HI, (macHi16(mk) << hiShift) >>> 0, (macHi16(v) << hiShift) >>> 0, tok, key);
      if ((m.mask[loW]! !== 0)) throw new FlowSyntaxError(tok, `"${tok}": ${key} given twice`);
      m.mask[loW] = macLo32(mk);
      m.value[loW] = (macLo32(v) & macLo32(mk)) >>> 0;
      if (m.mask[W_MAC_HI] === 0 && m.mask[loW] === 0) return;
      m.parts.push(tok);
      return;
    }
    case 'dl_vlan': {
      const v = num(tok, val, 0, 0xffff, 'dl_vlan');
      if (v !== 0xffff && v > 4095) throw new FlowSyntaxError(tok, `"${tok}": dl_vlan must be 0..4095 or 0xffff (no tag)`);
      setField(m, W_VLAN_TYPE, 0x1fff0000, (v === 0xffff ? 0 : VLAN_PRESENT | v) << 16, tok, 'dl_vlan');
      m.parts.push(`dl_vlan=${v === 0xffff ? '0xffff' : v}`);
      return;
    }
    case 'dl_type': {
      const v = num(tok, val, 0, 0xffff, 'dl_type');
      setField(m, W_VLAN_TYPE, 0xffff, v, tok, 'dl_type');
      m.dlType = v;
      m.parts.push(`dl_type=0x${v.toString(16).padStart(4, '0')}`);
      return;
    }
    case 'nw_src': case 'nw_dst': {
      const ip = ipv4(tok, base!);
      let mk = 0xffffffff;
      if (maskText !== undefined) {
        if (/^[0-9]+$/.test(maskText)) {
          const len = num(tok, maskText, 0, 32, 'prefix length');
          mk = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
        } else mk = ipv4(tok, maskText);
      }
      if (mk !== 0) setField(m, key === 'nw_src' ? W_NW_SRC : W_NW_DST, mk, ip, tok, key);
      if (m.nwTok === '') m.nwTok = tok;
      m.parts.push(tok);
      return;
    }
    case 'nw_proto': {
      const v = num(tok, val, 0, 255, 'nw_proto');
      setField(m, W_PROTO, 0xff, v, tok, 'nw_proto');
      m.nwProto = v;
      m.protoTok = tok;
      m.parts.push(`nw_proto=${v}`);
      return;
    }
    case 'tp_src': case 'tp_dst': {
      const v = num(tok, base!, 0, 0xffff, key);
      const mk = maskText === undefined ? 0xffff : num(tok, maskText, 0, 0xffff, `${key} mask`);
      const shift = key === 'tp_src' ? 16 : 0;
      if (mk !== 0) setField(m, W_TP, (mk << shift) >>> 0, (v << shift) >>> 0, tok, key);
      if (m.tpTok === '') m.tpTok = tok;
      m.parts.push(tok);
      return;
    }
    default:
      throw new FlowSyntaxError(tok, `"${tok}": unknown match field "${key}"`);
  }
}

function checkPrerequisites(m: MatchState): void {
  if (m.nwTok !== '' && m.dlType !== 0x0800 && m.dlType !== 0x0806) {
    throw new FlowSyntaxError(m.nwTok, `"${m.nwTok}": nw_src/nw_dst need dl_type=0x0800 (ip) or 0x0806 (arp)`);
  }
  if (m.protoTok !== '' && m.dlType !== 0x0800 && m.dlType !== 0x86dd && m.dlType !== 0x0806) {
    throw new FlowSyntaxError(m.protoTok, `"${m.protoTok}": nw_proto needs ip, ipv6 or arp`);
  }
  if (m.tpTok !== '' && m.nwProto !== 6 && m.nwProto !== 17 && m.nwProto !== 132 && m.nwProto !== 1 && m.nwProto !== 58) {
    throw new FlowSyntaxError(m.tpTok, `"${m.tpTok}": tp_src/tp_dst need nw_proto tcp, udp, sctp or icmp`);
  }
}

function newState(): MatchState {
  return {
    mask: new Uint32Array(KEY_WORDS), value: new Uint32Array(KEY_WORDS), parts: [],
    dlType: -1, nwProto: -1, nwTok: '', protoTok: '', tpTok: '', table: 0, priority: DEFAULT_PRIORITY, cookie: 0, prioritySet: false,
  };
}

function parseActions(text: string, ports: readonly string[], table: number, dlType: number): FlowAction[] {
  const toks = split(text);
  if (toks.length === 0) throw new FlowSyntaxError('actions=', '"actions=": no actions given (use actions=drop to drop)');
  const out: FlowAction[] = [];
  const needIp = (tok: string) => {
    if (dlType !== 0x0800) throw new FlowSyntaxError(tok, `"${tok}": needs the match to include ip (dl_type=0x0800)`);
  };
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const c = tok.search(/[:=]/);
    const name = (c < 0 ? tok : tok.slice(0, c)).toLowerCase();
    const arg = c < 0 ? '' : tok.slice(c + 1);
    const noArg = () => { if (c >= 0) throw new FlowSyntaxError(tok, `"${tok}": ${name} takes no argument`); };
    const needArg = () => { if (arg === '') throw new FlowSyntaxError(tok, `"${tok}": ${name} needs an argument`); };
    switch (name) {
      case 'output': needArg(); out.push({ op: Act.OUTPUT, a: resolvePort(tok, arg, ports), b: 0 }); break;
      case 'flood': noArg(); out.push({ op: Act.FLOOD, a: 0, b: 0 }); break;
      case 'normal': noArg(); out.push({ op: Act.NORMAL, a: 0, b: 0 }); break;
      case 'in_port': noArg(); out.push({ op: Act.IN_PORT, a: 0, b: 0 }); break;
      case 'drop':
        noArg();
        if (toks.length !== 1) throw new FlowSyntaxError(tok, `"${tok}": must be the only action`);
        out.push({ op: Act.DROP, a: 0, b: 0 });
        break;
      case 'mod_vlan_vid': needArg(); out.push({ op: Act.SET_VID, a: num(tok, arg, 0, 4095, 'mod_vlan_vid'), b: 0 }); break;
      case 'strip_vlan': noArg(); out.push({ op: Act.STRIP_VLAN, a: 0, b: 0 }); break;
      case 'mod_dl_src': case 'mod_dl_dst': {
        needArg();
        const v = mac(tok, arg);
        out.push({ op: name === 'mod_dl_src' ? Act.SET_DL_SRC : Act.SET_DL_DST, a: macHi16(v), b: macLo32(v) });
        break;
      }
      case 'mod_nw_src': case 'mod_nw_dst':
        needArg(); needIp(tok);
        out.push({ op: name === 'mod_nw_src' ? Act.SET_NW_SRC : Act.SET_NW_DST, a: ipv4(tok, arg), b: 0 });
        break;
      case 'mod_nw_ttl': needArg(); out.push({ op: Act.SET_TTL, a: num(tok, arg, 0, 255, 'mod_nw_ttl'), b: 0 }); break;
      case 'dec_ttl': noArg(); out.push({ op: Act.DEC_TTL, a: 0, b: 0 }); break;
      case 'goto_table': {
        needArg();
        const t = num(tok, arg, 0, MAX_TABLES - 1, 'goto_table');
        if (t <= table) throw new FlowSyntaxError(tok, `"${tok}": goto_table must go to a table after ${table}`);
        if (i !== toks.length - 1) throw new FlowSyntaxError(tok, `"${tok}": goto_table must be the last action`);
        out.push({ op: Act.GOTO, a: t, b: 0 });
        break;
      }
      default:
        if (c < 0 && (ports.includes(tok) || /^[0-9]+$/.test(tok))) { out.push({ op: Act.OUTPUT, a: resolvePort(tok, tok, ports), b: 0 }); break; }
        throw new FlowSyntaxError(tok, `"${tok}": unknown action "${name}"`);
    }
  }
  return out;
}

/** Parses one add-flow line. Throws FlowSyntaxError naming the token. */
export function parseFlow(line: string, ports: readonly string[]): ParsedFlow {
  if (typeof line !== 'string') throw new FlowSyntaxError(String(line), 'flow must be a string');
  const am = /(^|[\s,])actions\s*=/i.exec(line);
  if (!am) throw new FlowSyntaxError(line.trim(), `"${line.trim()}": missing actions=`);
  const matchText = line.slice(0, am.index);
  const actionsText = line.slice(am.index + am[0].length).trim();
  const m = newState();
  for (const tok of split(matchText)) matchToken(m, tok, ports);
  checkPrerequisites(m);
  const actions = parseActions(actionsText, ports, m.table, m.dlType);
  return {
    table: m.table, priority: m.priority, cookie: m.cookie,
    match: { mask: m.mask, value: m.value, text: m.parts.join(',') },
    actions, actionsText: split(actionsText).join(','),
  };
}

/** Parses a match (del-flows / dump-flows filter): fields plus optional table= and priority=. */
export function parseMatch(text: string, ports: readonly string[]): { table: number; tableSet: boolean; priority: number; prioritySet: boolean; match: FlowMatch } {
  if (typeof text !== 'string') throw new FlowSyntaxError(String(text), 'match must be a string');
  if (/(^|[\s,])actions\s*=/i.test(text)) throw new FlowSyntaxError('actions=', '"actions=": a match for del-flows takes no actions');
  const m = newState();
  let tableSet = false;
  for (const tok of split(text)) {
    if (/^table=/i.test(tok)) tableSet = true;
    matchToken(m, tok, ports);
  }
  checkPrerequisites(m);
  return { table: m.table, tableSet, priority: m.priority, prioritySet: m.prioritySet, match: { mask: m.mask, value: m.value, text: m.parts.join(',') } };
}
