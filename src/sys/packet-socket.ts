/**
 * AF_PACKET sockets with memory-mapped rings (packet_mmap, TPACKET_V3), bound to one
 * interface: the kernel fills a receive ring of blocks and drains a transmit ring of
 * fixed-size frames that we fill, so the data path makes no syscall per packet (one
 * `sendto` kick per transmit burst). Control path here; the ring walking lives in
 * drivers/af-packet.
 *
 * Mapping layout (one mmap of the socket): RX ring (blockCount × blockSize) then TX ring
 * (txFrameCount × txFrameSize; each TX block holds a whole number of frames).
 *
 *   openPacketSocket(opts) → PacketSocket   throws SysError naming the step and interface
 *   openPacketSender(...)  → fd of a ring-less send-only socket with PACKET_VNET_HDR, for
 *                            frames larger than a TX ring frame (64 KiB GSO super-frames:
 *                            one write(2) of [virtio-net header, frame] each)
 *   kickTx(fd)             → bytes queued or -errno   (data path: one call per burst)
 *   readStats(fd)          → kernel packets/drops since the last call (PACKET_STATISTICS)
 *
 * Spec: Documentation/networking/packet_mmap.rst; layouts from include/uapi/linux/if_packet.h.
 */
import { fn, k, errno } from './libc.js';
import { SysError } from './errors.js';
import { mapFd, type MappedRegion } from './memory.js';

const libc = k.load('libc.so.6');
const sendtoNull = libc.func('intptr_t sendto(int fd, void *buf, size_t len, int flags, void *addr, uint32_t alen)');
const getsockopt = libc.func('int getsockopt(int fd, int level, int name, _Inout_ uint8_t *val, _Inout_ uint32_t *len)');

const AF_PACKET = 17, SOCK_RAW = 3, SOCK_NONBLOCK = 0o4000, SOCK_CLOEXEC = 0o2000000;
const SOL_PACKET = 263, ETH_P_ALL_BE = 0x0300;
const PACKET_ADD_MEMBERSHIP = 1, PACKET_RX_RING = 5, PACKET_STATISTICS = 6, PACKET_VERSION = 10, PACKET_TX_RING = 13;
const PACKET_LOSS = 14, PACKET_VNET_HDR = 15, PACKET_FANOUT = 18, PACKET_QDISC_BYPASS = 20, PACKET_IGNORE_OUTGOING = 23;
const TPACKET_V3 = 2, PACKET_MR_PROMISC = 1, MSG_DONTWAIT = 0x40;

/** Fanout modes (PACKET_FANOUT_*). */
export const FANOUT_MODES = { hash: 0, lb: 1, cpu: 2, rollover: 3, rnd: 4, qm: 5 } as const;
export type FanoutMode = keyof typeof FANOUT_MODES;

// tpacket_block_desc (V3): offsets of tpacket_hdr_v1 fields from the block start.
export const BLOCK_STATUS = 8, BLOCK_NUM_PKTS = 12, BLOCK_FIRST_PKT = 16, BLOCK_LEN = 20;
// tpacket3_hdr field offsets.
export const TP_NEXT_OFFSET = 0, TP_SEC = 4, TP_NSEC = 8, TP_SNAPLEN = 12, TP_LEN = 16, TP_STATUS = 20, TP_MAC = 24, TP_NET = 26;
export const TP_VLAN_TCI = 32, TP_VLAN_TPID = 36;
/** TPACKET_ALIGN(sizeof(struct tpacket3_hdr)): where TX frame data starts. */
export const TPACKET3_HDRLEN = 48;
// tp_status bits.
export const TP_STATUS_KERNEL = 0, TP_STATUS_USER = 1, TP_STATUS_COPY = 2, TP_STATUS_LOSING = 4, TP_STATUS_CSUMNOTREADY = 8;
export const TP_STATUS_VLAN_VALID = 0x10, TP_STATUS_VLAN_TPID_VALID = 0x40;
export const TP_STATUS_AVAILABLE = 0, TP_STATUS_SEND_REQUEST = 1, TP_STATUS_SENDING = 2, TP_STATUS_WRONG_FORMAT = 4;

export interface PacketSocketOptions {
  /** Interface name (for messages). */
  ifname: string;
  /** Interface index to bind to. */
  ifindex: number;
  /** RX block size (multiple of 4096, power of two). */
  rxBlockSize: number;
  rxBlockCount: number;
  /** Block retire timeout in ms (how long a partly filled block waits). */
  retireMs: number;
  txFrameSize: number;
  txFrameCount: number;
  /** Put the interface in promiscuous mode while the socket lives (refcounted by the kernel). */
  promisc: boolean;
  /** Join fanout group `fanoutGroup` (0..65535) with `fanoutMode`. */
  fanoutGroup?: number;
  fanoutMode?: FanoutMode;
  /** Transmit without the qdisc layer (faster; no traffic shaping). */
  qdiscBypass?: boolean;
  /**
   * PACKET_VNET_HDR: every RX frame is preceded by a virtio-net header (GSO super-frames and
   * partial checksums arrive whole, described) and every TX frame must start with one.
   */
  vnetHdr?: boolean;
}

/** An open, bound, mapped packet socket. */
export class PacketSocket {
  constructor(
    readonly fd: number,
    readonly ifindex: number,
    readonly mapping: MappedRegion,
    readonly rxBlockSize: number,
    readonly rxBlockCount: number,
    /** Byte offset of the TX ring in the mapping. */
    readonly txOff: number,
    readonly txFrameSize: number,
    readonly txFrameCount: number,
  ) {}
  close(): void {
    this.mapping.unmap();
    fn.close(this.fd);
  }
}

function setInt(fd: number, name: number, v: number, what: string, ifname: string): void {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v, true);
  if (fn.setsockopt(fd, SOL_PACKET, name, b, 4) !== 0) throw new SysError(`setsockopt(${what})`, errno(), ifname);
}

function tpacketReq3(blockSize: number, blockNr: number, frameSize: number, frameNr: number, retireMs: number): Uint8Array {
  const b = new Uint8Array(28);
  const v = new DataView(b.buffer);
  v.setUint32(0, blockSize, true);
  v.setUint32(4, blockNr, true);
  v.setUint32(8, frameSize, true);
  v.setUint32(12, frameNr, true);
  v.setUint32(16, retireMs, true); // tp_retire_blk_tov (RX only; must be 0 for TX)
  return b; // tp_sizeof_priv = 0, tp_feature_req_word = 0
}

const isPow2 = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** Open an AF_PACKET socket on `opts.ifindex` with TPACKET_V3 RX and TX rings. */
export function openPacketSocket(opts: PacketSocketOptions): PacketSocket {
  const name = opts.ifname;
  if (!isPow2(opts.rxBlockSize) || opts.rxBlockSize < 4096) throw new RangeError(`af-packet ${name}: rxBlockSize must be a power of two ≥ 4096, got ${opts.rxBlockSize}`);
  if (!Number.isInteger(opts.rxBlockCount) || opts.rxBlockCount < 2 || opts.rxBlockCount > 4096) throw new RangeError(`af-packet ${name}: rxBlockCount must be in [2, 4096], got ${opts.rxBlockCount}`);
  if (!isPow2(opts.txFrameSize) || opts.txFrameSize < 256 || opts.txFrameSize > 65536) throw new RangeError(`af-packet ${name}: txFrameSize must be a power of two in [256, 65536], got ${opts.txFrameSize}`);
  if (!isPow2(opts.txFrameCount) || opts.txFrameCount < 8) throw new RangeError(`af-packet ${name}: txFrameCount must be a power of two ≥ 8, got ${opts.txFrameCount}`);
  // Protocol 0: nothing is queued to the socket until bind() names the protocol and interface.
  const fd = fn.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    const e = errno();
    throw new SysError('socket(AF_PACKET)', e, e === 1 ? `${name}: needs CAP_NET_RAW` : name);
  }
  let mapping: MappedRegion | undefined;
  try {
    setInt(fd, PACKET_VERSION, TPACKET_V3, 'PACKET_VERSION', name);
    // Our own transmissions must not come back on the RX ring (they would loop in a bridge).
    setInt(fd, PACKET_IGNORE_OUTGOING, 1, 'PACKET_IGNORE_OUTGOING', name);
    // Skip (rather than stall on) a TX frame the kernel rejects.
    setInt(fd, PACKET_LOSS, 1, 'PACKET_LOSS', name);
    if (opts.qdiscBypass) setInt(fd, PACKET_QDISC_BYPASS, 1, 'PACKET_QDISC_BYPASS', name);
    // Must precede the rings (EBUSY after).
    if (opts.vnetHdr) setInt(fd, PACKET_VNET_HDR, 1, 'PACKET_VNET_HDR', name);
    const rxFrame = 2048; // V3 ignores the frame size for RX beyond this consistency check
    const rx = tpacketReq3(opts.rxBlockSize, opts.rxBlockCount, rxFrame, (opts.rxBlockSize / rxFrame) * opts.rxBlockCount, opts.retireMs);
    if (fn.setsockopt(fd, SOL_PACKET, PACKET_RX_RING, rx, rx.length) !== 0) throw new SysError('setsockopt(PACKET_RX_RING)', errno(), name);
    const txBlock = Math.max(4096, opts.txFrameSize);
    const txBlocks = (opts.txFrameSize * opts.txFrameCount) / txBlock;
    const tx = tpacketReq3(txBlock, txBlocks, opts.txFrameSize, opts.txFrameCount, 0);
    if (fn.setsockopt(fd, SOL_PACKET, PACKET_TX_RING, tx, tx.length) !== 0) throw new SysError('setsockopt(PACKET_TX_RING)', errno(), name);
    const rxBytes = opts.rxBlockSize * opts.rxBlockCount;
    mapping = mapFd(fd, rxBytes + opts.txFrameSize * opts.txFrameCount);
    const sll = new Uint8Array(20);
    const sv = new DataView(sll.buffer);
    sv.setUint16(0, AF_PACKET, true);
    sv.setUint16(2, ETH_P_ALL_BE, true); // htons(ETH_P_ALL) as stored little-endian
    sv.setInt32(4, opts.ifindex, true);
    if (fn.bind(fd, sll, sll.length) !== 0) throw new SysError('bind(AF_PACKET)', errno(), `${name} (ifindex ${opts.ifindex})`);
    if (opts.promisc) {
      const mr = new Uint8Array(16);
      const mv = new DataView(mr.buffer);
      mv.setInt32(0, opts.ifindex, true);
      mv.setUint16(4, PACKET_MR_PROMISC, true);
      if (fn.setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, mr, mr.length) !== 0) throw new SysError('setsockopt(PACKET_ADD_MEMBERSHIP promisc)', errno(), name);
    }
    if (opts.fanoutGroup !== undefined) {
      const mode = FANOUT_MODES[opts.fanoutMode ?? 'hash'];
      setInt(fd, PACKET_FANOUT, (opts.fanoutGroup & 0xffff) | (mode << 16), 'PACKET_FANOUT', `${name} group ${opts.fanoutGroup}`);
    }
    return new PacketSocket(fd, opts.ifindex, mapping, opts.rxBlockSize, opts.rxBlockCount, rxBytes, opts.txFrameSize, opts.txFrameCount);
  } catch (e) {
    try { mapping?.unmap(); } catch { /* already failing */ }
    fn.close(fd);
    throw e;
  }
}

/**
 * A send-only AF_PACKET socket on `ifindex` (no rings; bound with protocol 0, so nothing is
 * ever queued to it for receive) whose writes start with a virtio-net header. Throws
 * SysError naming the step.
 */
export function openPacketSender(ifname: string, ifindex: number, qdiscBypass: boolean): number {
  const fd = fn.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw new SysError('socket(AF_PACKET)', errno(), ifname);
  try {
    setInt(fd, PACKET_VNET_HDR, 1, 'PACKET_VNET_HDR', ifname);
    if (qdiscBypass) setInt(fd, PACKET_QDISC_BYPASS, 1, 'PACKET_QDISC_BYPASS', ifname);
    const sll = new Uint8Array(20);
    const sv = new DataView(sll.buffer);
    sv.setUint16(0, AF_PACKET, true);
    sv.setInt32(4, ifindex, true);
    if (fn.bind(fd, sll, sll.length) !== 0) throw new SysError('bind(AF_PACKET sender)', errno(), `${ifname} (ifindex ${ifindex})`);
    return fd;
  } catch (e) {
    fn.close(fd);
    throw e;
  }
}

/** Ask the kernel to send every TX frame marked SEND_REQUEST; bytes queued, or -errno. */
export function kickTx(fd: number): number {
  const n = sendtoNull(fd, null, 0, MSG_DONTWAIT, null, 0) as number;
  return n >= 0 ? n : -k.errno();
}

const statsBuf = new Uint8Array(12);
const statsLen = new Uint32Array(1);

/** Kernel counters since the previous call (reading resets them): packets seen, dropped (ring full), queue freezes. */
export function readStats(fd: number): { packets: number; drops: number; freezes: number } {
  statsLen[0] = 12;
  if (getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, statsBuf, statsLen) !== 0) throw new SysError('getsockopt(PACKET_STATISTICS)', errno(), `fd ${fd}`);
  const v = new DataView(statsBuf.buffer);
  return { packets: v.getUint32(0, true), drops: v.getUint32(4, true), freezes: v.getUint32(8, true) };
}
