/**
 * vhost-user backend request dispatcher (the state machine between the socket and a device).
 *
 * Contract
 * - `handle(header, payload, fds)` runs: check fds allowed for this request (T6) → exact
 *   payload size → decode → validate fields → semantic state (ring index < device rings,
 *   features ⊆ offered) → call the `BackendDevice` → build the reply. It returns the reply
 *   bytes (or null) and never keeps fds of a rejected message: they are closed here.
 * - fds handed to the device (memory regions, kick/call/err) become the device's; it must
 *   close them when replaced or on disconnect.
 * - REPLY_ACK (protocol feature 3) is handled here, as rust-vmm does: when negotiated and the
 *   frontend set NEED_REPLY on a request without its own reply, a u64 0 (ok) or 1 (error) is
 *   returned.
 * - Errors that break framing (`shouldDisconnect`) are rethrown so the endpoint drops the
 *   connection; other errors are logged through `log` and answered with a NACK if asked.
 */
import {
  FrontendReq, VHOST_USER_NEED_REPLY, VHOST_USER_REPLY, VHOST_USER_PROTOCOL_F_REPLY_ACK,
  VhostUserError, checkFds, decodeMemTable, decodeU64, decodeVringAddr, decodeVringFd,
  decodeVringState, encodeMessage, encodeU64, encodeVringState, requestName, shouldDisconnect,
  type Header, type MemRegion, type VringAddr,
} from './message.js';

/** What a vhost-user device implements (the driver layer). fd -1 means "no fd". */
export interface BackendDevice {
  /** Number of vrings the device has (2 × queue pairs for net). */
  readonly numRings: number;
  getFeatures(): bigint;
  getProtocolFeatures(): bigint;
  setFeatures(features: bigint): void;
  setProtocolFeatures(features: bigint): void;
  setOwner(): void;
  resetOwner(): void;
  /** Takes ownership of `fds` (one per region) even when it throws. */
  setMemTable(regions: MemRegion[], fds: number[]): void;
  setVringNum(index: number, num: number): void;
  setVringAddr(addr: VringAddr): void;
  setVringBase(index: number, base: number): void;
  /** Stop ring `index` and return its next avail index (for SET_VRING_BASE after restart). */
  getVringBase(index: number): number;
  setVringKick(index: number, fd: number): void;
  setVringCall(index: number, fd: number): void;
  setVringErr(index: number, fd: number): void;
  setVringEnable(index: number, enable: boolean): void;
  setStatus(status: number): void;
  getStatus(): number;
  /** Queue pairs for GET_QUEUE_NUM. */
  queueNum(): number;
  /** SET_LOG_BASE (protocol feature LOG_SHMFD): the dirty-page log; takes `fd` even when it throws. */
  setLogBase?(size: number, offset: number, fd: number): void;
  /** SEND_RARP (protocol feature RARP): announce the guest's MAC (6 bytes) after a migration. */
  sendRarp?(mac: Uint8Array): void;
  /** NET_SET_MTU (protocol feature NET_MTU); throws to refuse it. */
  setMtu?(mtu: number): void;
}

/** Requests whose reply is their own payload (never a REPLY_ACK). */
const HAS_REPLY = new Set<number>([
  FrontendReq.GET_FEATURES, FrontendReq.GET_PROTOCOL_FEATURES, FrontendReq.GET_VRING_BASE,
  FrontendReq.GET_QUEUE_NUM, FrontendReq.GET_STATUS, FrontendReq.GET_CONFIG,
  FrontendReq.GET_INFLIGHT_FD, FrontendReq.GET_MAX_MEM_SLOTS, FrontendReq.SET_LOG_BASE,
]);

export class BackendHandler {
  /** Protocol features acknowledged by SET_PROTOCOL_FEATURES. */
  protocolFeatures = 0n;
  /** Virtio features acknowledged by SET_FEATURES. */
  features = 0n;
  owned = false;
  /** Count of rejected messages (for the port's counters). */
  rejected = 0;

  constructor(
    private readonly device: BackendDevice,
    private readonly closeFd: (fd: number) => void,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  private ring(index: number, what: string): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.device.numRings) {
      throw new VhostUserError('InvalidParam', `${what}: ring index ${index} ≥ ${this.device.numRings}`);
    }
    return index;
  }

  /** A connection taken over from another process (hand-over): what it had negotiated. */
  restore(features: bigint, protocolFeatures: bigint): void {
    this.features = features;
    this.protocolFeatures = protocolFeatures;
    this.owned = true;
  }

  /** Handle one message; returns the reply to send (or null). Closes fds of rejected messages. */
  handle(h: Header, payload: Uint8Array, fds: number[]): Uint8Array | null {
    let owned = fds; // fds not yet handed to the device
    try {
      if ((h.flags & VHOST_USER_REPLY) !== 0) throw new VhostUserError('InvalidMessage', `${requestName(h.request)}: REPLY flag set on a request`);
      if (payload.length !== h.size) throw new VhostUserError('PartialMessage', `${requestName(h.request)}: ${payload.length} of ${h.size} payload bytes`);
      checkFds(h.request, payload, fds.length);
      const give = (): number[] => { const f = owned; owned = []; return f; };
      const reply = this.dispatch(h, payload, give);
      if (reply !== null) return encodeMessage(h.request, VHOST_USER_REPLY, reply);
      return this.ack(h, 0);
    } catch (e) {
      for (const fd of owned) this.closeFd(fd);
      this.rejected++;
      if (e instanceof VhostUserError) {
        if (shouldDisconnect(e.kind)) throw e;
        this.log(`vhost-user: rejected ${requestName(h.request)}: ${e.message}`);
        if (HAS_REPLY.has(h.request)) throw new VhostUserError('InvalidMessage', `cannot answer ${requestName(h.request)}: ${e.message}`);
        return this.ack(h, 1);
      }
      // A device bug or an OS error: report it as a failed request.
      this.log(`vhost-user: ${requestName(h.request)} failed: ${(e as Error).message}`);
      if (HAS_REPLY.has(h.request)) throw new VhostUserError('InvalidState', `${requestName(h.request)} failed: ${(e as Error).message}`);
      return this.ack(h, 1);
    }
  }

  private ack(h: Header, status: number): Uint8Array | null {
    const replyAck = ((this.protocolFeatures >> BigInt(VHOST_USER_PROTOCOL_F_REPLY_ACK)) & 1n) === 1n;
    if (!replyAck || (h.flags & VHOST_USER_NEED_REPLY) === 0 || HAS_REPLY.has(h.request)) return null;
    return encodeMessage(h.request, VHOST_USER_REPLY, encodeU64(status));
  }

  private dispatch(h: Header, p: Uint8Array, give: () => number[]): Uint8Array | null {
    const d = this.device;
    const name = requestName(h.request);
    const empty = () => {
      if (p.length !== 0 && p.length !== 8) throw new VhostUserError('InvalidMessage', `${name}: payload is ${p.length} bytes, expected 0`);
    };
    switch (h.request) {
      case FrontendReq.GET_FEATURES:
        empty();
        return encodeU64(d.getFeatures());
      case FrontendReq.SET_FEATURES: {
        const f = decodeU64(p, name);
        const extra = f & ~d.getFeatures();
        if (extra !== 0n) throw new VhostUserError('InvalidParam', `SET_FEATURES: bits 0x${extra.toString(16)} were not offered`);
        this.features = f;
        d.setFeatures(f);
        return null;
      }
      case FrontendReq.GET_PROTOCOL_FEATURES:
        empty();
        return encodeU64(d.getProtocolFeatures());
      case FrontendReq.SET_PROTOCOL_FEATURES: {
        const f = decodeU64(p, name);
        const extra = f & ~d.getProtocolFeatures();
        if (extra !== 0n) throw new VhostUserError('InvalidParam', `SET_PROTOCOL_FEATURES: bits 0x${extra.toString(16)} were not offered`);
        this.protocolFeatures = f;
        d.setProtocolFeatures(f);
        return null;
      }
      case FrontendReq.SET_OWNER:
        empty();
        this.owned = true;
        d.setOwner();
        return null;
      case FrontendReq.RESET_OWNER:
      case FrontendReq.RESET_DEVICE:
        empty();
        this.owned = false;
        this.features = 0n;
        d.resetOwner();
        return null;
      case FrontendReq.GET_QUEUE_NUM:
        empty();
        return encodeU64(d.queueNum());
      case FrontendReq.SET_MEM_TABLE: {
        const regions = decodeMemTable(p);
        d.setMemTable(regions, give());
        return null;
      }
      case FrontendReq.SET_VRING_NUM: {
        const s = decodeVringState(p, name);
        d.setVringNum(this.ring(s.index, name), s.num);
        return null;
      }
      case FrontendReq.SET_VRING_ADDR: {
        const a = decodeVringAddr(p);
        this.ring(a.index, name);
        d.setVringAddr(a);
        return null;
      }
      case FrontendReq.SET_VRING_BASE: {
        const s = decodeVringState(p, name);
        if (s.num > 0xffff) throw new VhostUserError('InvalidParam', `SET_VRING_BASE.num: ${s.num} > 65535 (split rings)`);
        d.setVringBase(this.ring(s.index, name), s.num);
        return null;
      }
      case FrontendReq.GET_VRING_BASE: {
        const s = decodeVringState(p, name);
        const base = d.getVringBase(this.ring(s.index, name));
        return encodeVringState(s.index, base);
      }
      case FrontendReq.SET_VRING_KICK:
      case FrontendReq.SET_VRING_CALL:
      case FrontendReq.SET_VRING_ERR: {
        const v = decodeVringFd(p, name);
        this.ring(v.index, name);
        const fds = give();
        const fd = v.noFd ? -1 : fds[0]!;
        if (h.request === FrontendReq.SET_VRING_KICK) d.setVringKick(v.index, fd);
        else if (h.request === FrontendReq.SET_VRING_CALL) d.setVringCall(v.index, fd);
        else d.setVringErr(v.index, fd);
        return null;
      }
      case FrontendReq.SET_VRING_ENABLE: {
        const s = decodeVringState(p, name);
        if (s.num > 1) throw new VhostUserError('InvalidParam', `SET_VRING_ENABLE.num: ${s.num}, expected 0 or 1`);
        d.setVringEnable(this.ring(s.index, name), s.num === 1);
        return null;
      }
      case FrontendReq.SET_STATUS: {
        const v = decodeU64(p, name);
        if (v > 0xffn) throw new VhostUserError('InvalidParam', `SET_STATUS: 0x${v.toString(16)} > 0xff`);
        d.setStatus(Number(v));
        return null;
      }
      case FrontendReq.GET_STATUS:
        empty();
        return encodeU64(d.getStatus());
      case FrontendReq.SET_BACKEND_REQ_FD:
        // We offer no backend-initiated requests; keep nothing.
        for (const fd of give()) this.closeFd(fd);
        return null;
      case FrontendReq.SEND_RARP:
        // u64 payload; its first 6 bytes are the guest's MAC.
        decodeU64(p, name);
        if (!d.sendRarp) throw new VhostUserError('Unsupported', `${name} is not supported`);
        d.sendRarp(p.slice(0, 6));
        return null;
      case FrontendReq.SET_LOG_BASE: {
        // VhostUserLog { u64 mmap_size; u64 mmap_offset } and the log fd. QEMU waits for a
        // reply with an empty payload (as DPDK sends) before it goes on.
        if (p.length !== 16) throw new VhostUserError('InvalidMessage', `${name}: payload is ${p.length} bytes, expected 16`);
        const dv = new DataView(p.buffer, p.byteOffset, 16);
        const size = dv.getBigUint64(0, true), offset = dv.getBigUint64(8, true);
        if (size > 2n ** 48n || offset > 2n ** 48n) throw new VhostUserError('InvalidParam', `${name}: mmap_size ${size} / mmap_offset ${offset} out of range`);
        if (!d.setLogBase) throw new VhostUserError('Unsupported', `${name} is not supported`);
        d.setLogBase(Number(size), Number(offset), give()[0]!);
        return new Uint8Array(0);
      }
      case FrontendReq.SET_LOG_FD:
        // The log-change eventfd of kernel vhost; with a shared-memory log there is nothing to signal.
        for (const fd of give()) this.closeFd(fd);
        return null;
      case FrontendReq.NET_SET_MTU: {
        const mtu = decodeU64(p, name);
        if (mtu > 0xffffn) throw new VhostUserError('InvalidParam', `NET_SET_MTU: ${mtu} > 65535`);
        d.setMtu?.(Number(mtu));
        return null;
      }
      default:
        throw new VhostUserError('Unsupported', `${name} is not supported`);
    }
  }
}
