/**
 * LACPDUs (IEEE 802.1AX-2014 6.4.2): Slow Protocols frames (EtherType 0x8809, destination
 * 01:80:c2:00:00:02) of subtype 1. After the Ethernet header, 110 bytes:
 *
 *   0  subtype 1, version 1
 *   2  Actor TLV (type 1, length 20): system priority(2) system(6) key(2) port priority(2) port(2) state(1) reserved(3)
 *  22  Partner TLV (type 2, length 20): the same fields, as the sender sees its partner
 *  42  Collector TLV (type 3, length 16): max delay(2) reserved(12)
 *  58  Terminator TLV (type 0, length 0), then 50 reserved bytes
 *
 * LACPDUs come from a peer: `parseLacpdu` checks every field it relies on and returns the
 * first one that is wrong as a code (LACPDU_ERROR_NAMES names it), filling a caller-owned
 * `Lacpdu`; it never throws and never allocates. A version above 1 is accepted and read as
 * version 1 (802.1AX 6.4.2.3: later versions keep these fields in place).
 *
 * Marker PDUs (802.1AX 6.5.3) are subtype 2, also 110 bytes after the Ethernet header:
 *
 *   0  subtype 2, version 1
 *   2  Marker Information TLV (type 1; a Marker Response has type 2), length 16:
 *      requester port(2) requester system(6) requester transaction ID(4) pad(2)
 *  18  Terminator TLV (type 0, length 0), then 90 reserved bytes
 *
 * The marker responder (6.5.4.2) sends the same information back as a Marker Response on
 * the port the request came in on; `parseMarker` checks a marker PDU in the same style.
 */
import { rd16, rd32, wr16 } from './bytes.js';
import { readMac, writeMac } from './addr.js';

export const SLOW_PROTOCOLS_ETHERTYPE = 0x8809;
/** 01:80:c2:00:00:02, the Slow Protocols multicast address. */
export const SLOW_PROTOCOLS_MAC = 0x0180c2000002;
export const LACP_SUBTYPE = 1;
export const MARKER_SUBTYPE = 2;
/** Bytes after the Ethernet header. */
export const LACPDU_LEN = 110;
/** A whole untagged LACPDU frame (no FCS). */
export const LACPDU_FRAME_LEN = 14 + LACPDU_LEN;

/** Port state bits (802.1AX 6.4.2.3 a–h), as `actor state`/`partner state` carry them. */
export const LacpState = {
  ACTIVITY: 0x01, TIMEOUT: 0x02, AGGREGATION: 0x04, SYNCHRONIZATION: 0x08,
  COLLECTING: 0x10, DISTRIBUTING: 0x20, DEFAULTED: 0x40, EXPIRED: 0x80,
} as const;

/** The words ovs-appctl lacp/show prints for the state bits, in bit order. */
const STATE_WORDS = ['activity', 'timeout', 'aggregation', 'synchronized', 'collecting', 'distributing', 'defaulted', 'expired'];

/** `activity timeout aggregation synchronized ...` for a state byte (control path). */
export function lacpStateWords(state: number): string {
  return STATE_WORDS.filter((_, i) => (state & (1 << i)) !== 0).join(' ');
}

/** One side's information (Actor or Partner TLV). */
export class LacpInfo {
  systemPriority = 0;
  /** 48-bit MAC as a number. */
  system = 0;
  key = 0;
  portPriority = 0;
  port = 0;
  state = 0;

  copyFrom(o: LacpInfo): void {
    this.systemPriority = o.systemPriority; this.system = o.system; this.key = o.key;
    this.portPriority = o.portPriority; this.port = o.port; this.state = o.state;
  }

  /** Same system, key and port (the state aside). */
  sameAs(o: LacpInfo): boolean {
    return this.systemPriority === o.systemPriority && this.system === o.system && this.key === o.key &&
      this.portPriority === o.portPriority && this.port === o.port;
  }
}

export class Lacpdu {
  version = 0;
  readonly actor = new LacpInfo();
  readonly partner = new LacpInfo();
  collectorMaxDelay = 0;
}

/** Why a LACPDU was refused: 0 = OK, else the field that is wrong. Append, never renumber. */
export const LacpduError = {
  OK: 0,
  /** Fewer than the 110 bytes of a LACPDU after the Ethernet header. */
  TRUNCATED: 1,
  /** Not a Slow Protocols frame of subtype 1. */
  SUBTYPE: 2,
  /** Version 0. */
  VERSION: 3,
  ACTOR_TLV_TYPE: 4,
  ACTOR_INFO_LENGTH: 5,
  PARTNER_TLV_TYPE: 6,
  PARTNER_INFO_LENGTH: 7,
  COLLECTOR_TLV_TYPE: 8,
  COLLECTOR_INFO_LENGTH: 9,
  /** The actor's system is a multicast address or zero (802.1AX 6.3.2: a unicast MAC). */
  ACTOR_SYSTEM: 10,
  /** The actor's port number is 0 (802.1AX 6.3.4: port numbers start at 1). */
  ACTOR_PORT: 11,
  /** Marker PDU: the first TLV is neither Marker Information (1) nor Marker Response (2). */
  MARKER_TLV_TYPE: 12,
  /** Marker PDU: the Marker Information TLV's length is not 16. */
  MARKER_INFO_LENGTH: 13,
} as const;
export type LacpduError = (typeof LacpduError)[keyof typeof LacpduError];

/** Field names by code, as counters and errors print them (`actor_info_length`). */
export const LACPDU_ERROR_NAMES: readonly string[] = Object.entries(LacpduError).sort((a, b) => a[1] - b[1]).map(([k]) => k.toLowerCase());

function readInfo(buf: Uint8Array, off: number, o: LacpInfo): void {
  o.systemPriority = rd16(buf, off);
  o.system = readMac(buf, off + 2);
  o.key = rd16(buf, off + 8);
  o.portPriority = rd16(buf, off + 10);
  o.port = rd16(buf, off + 12);
  o.state = buf[off + 14]!;
}

function writeInfo(buf: Uint8Array, off: number, o: LacpInfo): void {
  wr16(buf, off, o.systemPriority);
  writeMac(buf, off + 2, o.system);
  wr16(buf, off + 8, o.key);
  wr16(buf, off + 10, o.portPriority);
  wr16(buf, off + 12, o.port);
  buf[off + 14] = o.state;
  buf[off + 15] = 0; buf[off + 16] = 0; buf[off + 17] = 0;
}

/**
 * Parse the LACPDU whose Slow Protocols payload (the subtype byte) is at `off`, with `len`
 * bytes available; fills `out`, returns a LacpduError code. Data path: no allocation.
 */
export function parseLacpdu(buf: Uint8Array, off: number, len: number, out: Lacpdu): LacpduError {
  if (len < 2) return LacpduError.TRUNCATED;
  if (buf[off] !== LACP_SUBTYPE) return LacpduError.SUBTYPE;
  if (buf[off + 1] === 0) return LacpduError.VERSION;
  if (len < LACPDU_LEN) return LacpduError.TRUNCATED;
  if (buf[off + 2] !== 1) return LacpduError.ACTOR_TLV_TYPE;
  if (buf[off + 3] !== 20) return LacpduError.ACTOR_INFO_LENGTH;
  if (buf[off + 22] !== 2) return LacpduError.PARTNER_TLV_TYPE;
  if (buf[off + 23] !== 20) return LacpduError.PARTNER_INFO_LENGTH;
  if (buf[off + 42] !== 3) return LacpduError.COLLECTOR_TLV_TYPE;
  if (buf[off + 43] !== 16) return LacpduError.COLLECTOR_INFO_LENGTH;
  // Multicast bit of the first octet, or all zero.
  if ((buf[off + 6]! & 1) !== 0 || (buf[off + 6]! | buf[off + 7]! | buf[off + 8]! | buf[off + 9]! | buf[off + 10]! | buf[off + 11]!) === 0) return LacpduError.ACTOR_SYSTEM;
  if (rd16(buf, off + 16) === 0) return LacpduError.ACTOR_PORT;
  out.version = buf[off + 1]!;
  readInfo(buf, off + 4, out.actor);
  readInfo(buf, off + 24, out.partner);
  out.collectorMaxDelay = rd16(buf, off + 44);
  return LacpduError.OK;
}

export const MARKER_INFO_TLV = 1;
export const MARKER_RESPONSE_TLV = 2;

/**
 * Check the marker PDU whose Slow Protocols payload is at `off` (`len` bytes); returns a
 * LacpduError code (OK: its TLV type, 1 or 2, is at off + 2). Data path: no allocation.
 */
export function parseMarker(buf: Uint8Array, off: number, len: number): LacpduError {
  if (len < 2) return LacpduError.TRUNCATED;
  if (buf[off] !== MARKER_SUBTYPE) return LacpduError.SUBTYPE;
  if (buf[off + 1] === 0) return LacpduError.VERSION;
  if (len < LACPDU_LEN) return LacpduError.TRUNCATED;
  const t = buf[off + 2];
  if (t !== MARKER_INFO_TLV && t !== MARKER_RESPONSE_TLV) return LacpduError.MARKER_TLV_TYPE;
  if (buf[off + 3] !== 16) return LacpduError.MARKER_INFO_LENGTH;
  return LacpduError.OK;
}

/**
 * Turn the marker request frame at `off` (already checked by parseMarker) into its Marker
 * Response in place: to the Slow Protocols address from `src`, TLV type 2, the requester's
 * port, system and transaction ID kept, pad, terminator and reserved bytes zeroed (6.5.3.3).
 * Returns the frame's new length.
 */
export function markerToResponse(buf: Uint8Array, off: number, src: number): number {
  writeMac(buf, off, SLOW_PROTOCOLS_MAC);
  writeMac(buf, off + 6, src);
  const p = off + 14;
  buf[p + 1] = 1;
  buf[p + 2] = MARKER_RESPONSE_TLV;
  buf.fill(0, p + 16, p + LACPDU_LEN);
  return LACPDU_FRAME_LEN;
}

/**
 * Write a whole LACPDU frame (Ethernet header from `src`, 124 bytes) at `off`; returns its
 * length. Reserved bytes are zeroed.
 */
export function buildLacpdu(buf: Uint8Array, off: number, src: number, actor: LacpInfo, partner: LacpInfo, collectorMaxDelay = 0): number {
  buf.fill(0, off, off + LACPDU_FRAME_LEN);
  writeMac(buf, off, SLOW_PROTOCOLS_MAC);
  writeMac(buf, off + 6, src);
  wr16(buf, off + 12, SLOW_PROTOCOLS_ETHERTYPE);
  const p = off + 14;
  buf[p] = LACP_SUBTYPE; buf[p + 1] = 1;
  buf[p + 2] = 1; buf[p + 3] = 20;
  writeInfo(buf, p + 4, actor);
  buf[p + 22] = 2; buf[p + 23] = 20;
  writeInfo(buf, p + 24, partner);
  buf[p + 42] = 3; buf[p + 43] = 16;
  wr16(buf, p + 44, collectorMaxDelay);
  return LACPDU_FRAME_LEN;
}

/** A LACPDU refused: the message names the field (`lacpdu: actor_info_length is 19, expected 20`). */
export class LacpduParseError extends Error {
  constructor(readonly code: LacpduError, message: string) { super(message); this.name = 'LacpduParseError'; }
}

/** Control-path form of parseLacpdu (tests, fuzzing, tools): a new Lacpdu, or a one-line error naming the field. */
export function decodeLacpdu(payload: Uint8Array): Lacpdu {
  const out = new Lacpdu();
  const code = parseLacpdu(payload, 0, payload.length, out);
  if (code === LacpduError.OK) return out;
  throw refusal('lacpdu', LACP_SUBTYPE, code, payload);
}

export interface MarkerInfo { tlvType: number; requesterPort: number; requesterSystem: number; transactionId: number }

/** Control-path form of parseMarker: the marker's fields, or a one-line error naming the field (`marker: marker_info_length is 15, expected 16`). */
export function decodeMarker(payload: Uint8Array): MarkerInfo {
  const code = parseMarker(payload, 0, payload.length);
  if (code !== LacpduError.OK) throw refusal('marker', MARKER_SUBTYPE, code, payload);
  return { tlvType: payload[2]!, requesterPort: rd16(payload, 4), requesterSystem: readMac(payload, 6), transactionId: rd32(payload, 12) };
}

function refusal(what: string, subtype: number, code: LacpduError, payload: Uint8Array): LacpduParseError {
  const b = (i: number) => payload[i] ?? 0;
  const detail: Record<number, string> = {
    [LacpduError.TRUNCATED]: `${payload.length} bytes, expected at least ${LACPDU_LEN}`,
    [LacpduError.SUBTYPE]: `is ${b(0)}, expected ${subtype}`,
    [LacpduError.VERSION]: 'is 0',
    [LacpduError.ACTOR_TLV_TYPE]: `is ${b(2)}, expected 1`,
    [LacpduError.ACTOR_INFO_LENGTH]: `is ${b(3)}, expected 20`,
    [LacpduError.PARTNER_TLV_TYPE]: `is ${b(22)}, expected 2`,
    [LacpduError.PARTNER_INFO_LENGTH]: `is ${b(23)}, expected 20`,
    [LacpduError.COLLECTOR_TLV_TYPE]: `is ${b(42)}, expected 3`,
    [LacpduError.COLLECTOR_INFO_LENGTH]: `is ${b(43)}, expected 16`,
    [LacpduError.ACTOR_SYSTEM]: 'is multicast or zero, expected a unicast MAC',
    [LacpduError.ACTOR_PORT]: 'is 0, expected 1..65535',
    [LacpduError.MARKER_TLV_TYPE]: `is ${b(2)}, expected 1 or 2`,
    [LacpduError.MARKER_INFO_LENGTH]: `is ${b(3)}, expected 16`,
  };
  return new LacpduParseError(code, `${what}: ${LACPDU_ERROR_NAMES[code]} ${detail[code]}`);
}
