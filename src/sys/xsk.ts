/**
 * AF_XDP sockets (XSK): a UMEM (packet memory shared with the kernel) and four rings mapped
 * from the socket, bound to one queue of one interface.
 *
 *   fill ring        we give the kernel free UMEM frames to receive into
 *   rx ring          the kernel hands back received frames (addr, len)
 *   tx ring          we hand the kernel frames to send
 *   completion ring  the kernel gives back frames it has sent
 *
 * Each ring: producer and consumer u32 indices and a flags word (XDP_RING_NEED_WAKEUP) at the
 * offsets XDP_MMAP_OFFSETS reports, then the entries (u64 addresses for fill/completion,
 * struct xdp_desc {u64 addr; u32 len; u32 options} for rx/tx). With XDP_USE_NEED_WAKEUP the
 * kernel says when it needs a syscall (a poll for the fill ring, a sendto for tx); otherwise
 * none is made. Spec: Documentation/networking/af_xdp.rst, include/uapi/linux/if_xdp.h.
 * Control path here; the data path (drivers/af-xdp) reads the rings through typed arrays.
 */
import { fn, k, errno } from './libc.js';
import { SysError } from './errors.js';
import { mapFd, createSharedRegion, type MappedRegion, type SharedRegion } from './memory.js';

const libc = k.load('libc.so.6');
const sendtoNull = libc.func('intptr_t sendto(int fd, void *buf, size_t len, int flags, void *addr, uint32_t alen)');
const recvfromNull = libc.func('intptr_t recvfrom(int fd, void *buf, size_t len, int flags, void *addr, void *alen)');
const getsockopt = libc.func('int getsockopt(int fd, int level, int name, _Inout_ uint8_t *val, _Inout_ uint32_t *len)');

const AF_XDP = 44, SOCK_RAW = 3, SOCK_CLOEXEC = 0o2000000, SOL_XDP = 283, MSG_DONTWAIT = 0x40;
const XDP_MMAP_OFFSETS = 1, XDP_RX_RING = 2, XDP_TX_RING = 3, XDP_UMEM_REG = 4, XDP_UMEM_FILL_RING = 5,
  XDP_UMEM_COMPLETION_RING = 6, XDP_STATISTICS = 7, XDP_MAX_TX_SKB_BUDGET = 9;
const XDP_PGOFF_RX_RING = 0, XDP_PGOFF_TX_RING = 0x80000000, XDP_UMEM_PGOFF_FILL_RING = 0x100000000, XDP_UMEM_PGOFF_COMPLETION_RING = 0x180000000;
export const XDP_COPY = 2, XDP_ZEROCOPY = 4, XDP_USE_NEED_WAKEUP = 8;
export const XDP_RING_NEED_WAKEUP = 1;

/** One mapped ring: indices and flags as u32 views, entries as u32 words. */
export class XskRing {
  /** producer, consumer, flags live at these u32 indices of `u32`. */
  readonly prod: number;
  readonly cons: number;
  readonly flags: number;
  /** Entries start at this u32 index; an entry is 2 (addr) or 4 (desc) words. */
  readonly desc: number;
  readonly mask: number;
  readonly u32: Uint32Array;
  constructor(readonly mapping: MappedRegion, off: { producer: number; consumer: number; desc: number; flags: number }, readonly size: number) {
    this.u32 = new Uint32Array(mapping.buffer);
    this.prod = off.producer >>> 2;
    this.cons = off.consumer >>> 2;
    this.flags = off.flags >>> 2;
    this.desc = off.desc >>> 2;
    this.mask = size - 1;
  }
}

export interface XskOptions {
  ifname: string;
  ifindex: number;
  queue: number;
  /** UMEM frames and frame size (2048 or 4096). */
  frames: number;
  frameSize: number;
  /** Ring sizes (powers of two). */
  ringSize: number;
  /** XDP_COPY or XDP_ZEROCOPY (0: let the kernel choose). */
  mode: number;
}

export interface XdpStatistics {
  rxDropped: number;
  rxInvalidDescs: number;
  txInvalidDescs: number;
  rxRingFull: number;
  rxFillRingEmptyDescs: number;
  txRingEmptyDescs: number;
}

export class XskSocket {
  constructor(readonly fd: number, readonly umem: SharedRegion, readonly fill: XskRing, readonly comp: XskRing,
              readonly rx: XskRing, readonly tx: XskRing, readonly frameSize: number, readonly frames: number) {}
  close(): void {
    for (const r of [this.fill, this.comp, this.rx, this.tx]) { try { r.mapping.unmap(); } catch { /* already gone */ } }
    fn.close(this.fd);
    this.umem.close();
  }
}

/** Open, register the UMEM, size and map the rings, bind. Throws SysError naming the step. */
export function openXsk(o: XskOptions): XskSocket {
  const fd = fn.socket(AF_XDP, SOCK_RAW | SOCK_CLOEXEC, 0) as number;
  if (fd < 0) throw new SysError('socket(AF_XDP)', errno(), o.ifname);
  let umem: SharedRegion | undefined;
  const maps: MappedRegion[] = [];
  try {
    umem = createSharedRegion(o.frames * o.frameSize, `xsk-${o.ifname}`, { hugepages: 'never', quiet: true });
    const reg = new Uint8Array(24);
    const dv = new DataView(reg.buffer);
    dv.setBigUint64(0, umem.mapping.address, true);
    dv.setBigUint64(8, BigInt(o.frames * o.frameSize), true);
    dv.setUint32(16, o.frameSize, true);
    dv.setUint32(20, 0, true); // headroom
    sockopt(fd, XDP_UMEM_REG, reg, `UMEM_REG ${o.ifname}`);
    const n = new Uint8Array(4);
    new DataView(n.buffer).setUint32(0, o.ringSize, true);
    for (const [opt, name] of [[XDP_UMEM_FILL_RING, 'FILL_RING'], [XDP_UMEM_COMPLETION_RING, 'COMPLETION_RING'], [XDP_RX_RING, 'RX_RING'], [XDP_TX_RING, 'TX_RING']] as const) {
      sockopt(fd, opt, n, `${name} ${o.ifname}`);
    }
    const offs = new Uint8Array(128);
    const len = new Uint32Array([128]);
    if (getsockopt(fd, SOL_XDP, XDP_MMAP_OFFSETS, offs, len) !== 0) throw new SysError('getsockopt(XDP_MMAP_OFFSETS)', errno(), o.ifname);
    const od = new DataView(offs.buffer);
    const ring = (i: number) => ({
      producer: Number(od.getBigUint64(i * 32, true)), consumer: Number(od.getBigUint64(i * 32 + 8, true)),
      desc: Number(od.getBigUint64(i * 32 + 16, true)), flags: Number(od.getBigUint64(i * 32 + 24, true)),
    });
    const map = (r: ReturnType<typeof ring>, entry: number, pgoff: number) => {
      const m = mapFd(fd, r.desc + o.ringSize * entry, pgoff);
      maps.push(m);
      return new XskRing(m, r, o.ringSize);
    };
    const rx = map(ring(0), 16, XDP_PGOFF_RX_RING);
    const tx = map(ring(1), 16, XDP_PGOFF_TX_RING);
    const fill = map(ring(2), 8, XDP_UMEM_PGOFF_FILL_RING);
    const comp = map(ring(3), 8, XDP_UMEM_PGOFF_COMPLETION_RING);
    const sa = new Uint8Array(16);
    const sd = new DataView(sa.buffer);
    sd.setUint16(0, AF_XDP, true);
    sd.setUint16(2, o.mode | XDP_USE_NEED_WAKEUP, true);
    sd.setUint32(4, o.ifindex, true);
    sd.setUint32(8, o.queue, true);
    // Copy mode sends at most this many frames per sendto (the kernel's default is 32);
    // Linux 6.16+ lets it be raised, fewer kicks per packet. Older kernels refuse: keep 32.
    const budget = new Uint8Array(4);
    new DataView(budget.buffer).setUint32(0, Math.min(o.ringSize, 512), true);
    fn.setsockopt(fd, SOL_XDP, XDP_MAX_TX_SKB_BUDGET, budget, 4);
    if (fn.bind(fd, sa, 16) !== 0) throw new SysError('bind(AF_XDP)', errno(), `${o.ifname} queue ${o.queue}${o.mode === XDP_ZEROCOPY ? ' zero-copy' : o.mode === XDP_COPY ? ' copy' : ''}`);
    return new XskSocket(fd, umem, fill, comp, rx, tx, o.frameSize, o.frames);
  } catch (e) {
    for (const m of maps) { try { m.unmap(); } catch { /* ignore */ } }
    fn.close(fd);
    umem?.close();
    throw e;
  }
}

function sockopt(fd: number, name: number, val: Uint8Array, what: string): void {
  if (fn.setsockopt(fd, SOL_XDP, name, val, val.length) !== 0) throw new SysError(`setsockopt(${what})`, errno());
}

/** Kick transmission (sendto with no data); returns 0 or -errno. Data path: only when the tx ring asks. */
export function xskKickTx(fd: number): number {
  const r = sendtoNull(fd, null, 0, MSG_DONTWAIT, null, 0) as number;
  return r >= 0 ? 0 : -k.errno();
}

/** Wake the kernel to refill from the fill ring (recvfrom with no data); returns 0 or -errno. */
export function xskKickRx(fd: number): number {
  const r = recvfromNull(fd, null, 0, MSG_DONTWAIT, null, null) as number;
  return r >= 0 ? 0 : -k.errno();
}

export function xskStatistics(fd: number): XdpStatistics {
  const b = new Uint8Array(48);
  const len = new Uint32Array([48]);
  if (getsockopt(fd, SOL_XDP, XDP_STATISTICS, b, len) !== 0) throw new SysError('getsockopt(XDP_STATISTICS)', errno());
  const dv = new DataView(b.buffer);
  const n = (i: number) => (len[0]! > i * 8 ? Number(dv.getBigUint64(i * 8, true)) : 0);
  return { rxDropped: n(0), rxInvalidDescs: n(1), txInvalidDescs: n(2), rxRingFull: n(3), rxFillRingEmptyDescs: n(4), txRingEmptyDescs: n(5) };
}
