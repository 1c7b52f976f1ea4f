/**
 * pcap file port (`pcap:IN[,out=OUT][,loop=N][,rate=PPS]`): replays a classic pcap (or
 * pcapng) file into the switch and records what the switch sends to it into OUT (pcap, or
 * pcapng when OUT ends in .pcapng). Without OUT, packets sent to the port are counted as
 * tx and discarded, like a null port.
 *
 *   file IN ──► output        input ──► file OUT
 *
 * The input file is validated whole before the port starts, so the data path never meets
 * a malformed record. Frames longer than a packet buffer are dropped (too_big). A super-frame
 * sent to the port (TSO, bridge mode) is written as the segments the wire would carry.
 *
 * Files of up to PRELOAD_MAX_RECORDS records are indexed at start (DPDK's pcap PMD preloads
 * too, for infinite_rx): one view per record over the file's bytes, so replay copies each
 * frame with one `data.set(view, dst)` memmove and no per-packet view or record parsing
 * (callgrind pcap->null: see commit message). Larger files stream through the reader.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { PULL_NPACKETS } from '../../core/link.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { HEADROOM } from '../../core/packet.js';
import { PcapReader, PcapngReader, PcapWriter, PcapngWriter, validate, isPcapng, EPB_FLAG_OUTBOUND } from '../../lib/pcap/index.js';
import { readFileSync } from 'node:fs';
import { words } from '../../lib/offload/copy-words.js';
import { OffloadTx } from '../offload/offload-tx.js';

export interface PcapPortArgs {
  in?: string;
  out?: string;
  /** Times to play the file; 0 = forever. Default 1. */
  loop?: number;
  /** Replay rate in packets per second; 0 = as fast as possible. */
  rate?: number;
  /** Interface name written into pcapng output. */
  ifName?: string;
}

export const pcapPortSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    in: { type: 'string', minLength: 1 },
    out: { type: 'string', minLength: 1 },
    loop: { type: 'integer', minimum: 0 },
    rate: { type: 'number', minimum: 0 },
    ifName: { type: 'string' },
  },
};

function sniffPcapng(path: string): boolean {
  const head = readFileSync(path).subarray(0, 4);
  return isPcapng(head);
}

/** Records indexed up front: one view (~110 bytes of heap) per record, so at most ~29 MB next to the file itself. */
export const PRELOAD_MAX_RECORDS = 262144;

export class PcapPort extends App {
  /** Preloaded records (empty when the file streams): a view over each record's bytes and its captured length. */
  private readonly views: Uint8Array[] = [];
  private readonly capLens: Uint32Array;
  private next = 0;
  private readonly reader: PcapReader | PcapngReader | undefined;
  private readonly writer: PcapWriter | PcapngWriter | undefined;
  private readonly loops: number;
  private readonly rate: number;
  private played = 0;
  private credit = 0;
  private last = performance.now();
  private readonly burst = new Uint32Array(PULL_NPACKETS);
  private out: Link | undefined;
  private in: Link | undefined;
  /** True once the input file has been played `loop` times. */
  finished = false;
  /** Super-frames (bridge mode) are recorded as their wire segments, cut here. */
  override superFrames = 'send' as const;
  private readonly offloadTx: OffloadTx;

  constructor(ctx: AppContext, args: PcapPortArgs) {
    super(ctx);
    this.offloadTx = new OffloadTx(ctx.pool, words(ctx.pool.data));
    this.loops = args.loop ?? 1;
    this.rate = args.rate ?? 0;
    if (args.in) {
      validate(args.in); // throws PcapError naming file, record, offset and field
      this.reader = sniffPcapng(args.in) ? PcapngReader.open(args.in) : PcapReader.open(args.in);
      const r = this.reader;
      for (let len = r.skip(); len >= 0 && this.views.length <= PRELOAD_MAX_RECORDS; len = r.skip()) {
        this.views.push(r.data.subarray(r.dataOff, r.dataOff + len));
      }
      r.rewind();
      if (this.views.length > PRELOAD_MAX_RECORDS) this.views.length = 0; // too many: stream instead
    } else this.finished = true;
    this.capLens = new Uint32Array(this.views.length);
    for (let i = 0; i < this.views.length; i++) this.capLens[i] = this.views[i]!.length;
    if (args.out) {
      this.writer = args.out.endsWith('.pcapng')
        ? PcapngWriter.create(args.out, { userappl: 'sluice', interfaces: [{ name: args.ifName ?? ctx.name }] })
        : PcapWriter.create(args.out, { resolution: 'ns' });
    }
  }

  override linked(): void { this.out = this.output.output; this.in = this.input.input; }

  override pull(): void {
    const out = this.out, r = this.reader;
    if (out === undefined || r === undefined || this.finished) return;
    let n = PULL_NPACKETS;
    if (this.rate > 0) {
      const now = performance.now();
      this.credit = Math.min(this.credit + ((now - this.last) * this.rate) / 1000, this.rate / 100 + 32);
      this.last = now;
      if (this.credit < n) n = Math.floor(this.credit);
      this.credit -= n;
    }
    if (this.views.length > 0) { this.pullPreloaded(out, n); return; }
    const pool = this.pool, c = this.counters;
    for (let i = 0; i < n; i++) {
      const p = pool.alloc();
      if (p < 0) { this.refuse(DropReason.NO_BUFFER); return; }
      let len = r.next(pool.data, pool.start(p), pool.maxLen);
      if (len < 0) {
        this.played++;
        if (this.loops !== 0 && this.played >= this.loops) { this.finished = true; pool.free(p); return; }
        r.rewind();
        len = r.next(pool.data, pool.start(p), pool.maxLen);
        if (len < 0) { this.finished = true; pool.free(p); return; } // empty file
      }
      c[RX_PACKETS]++;
      c[RX_BYTES] += r.capLen;
      if (r.capLen > len) { this.drop(p, DropReason.TOO_BIG); continue; }
      pool.len[p] = len;
      out.transmit(p);
    }
  }

  /** pull() from the preloaded records: the same counts and end-of-file rules as the streaming path. */
  private pullPreloaded(out: Link, n: number): void {
    const pool = this.pool, c = this.counters, burst = this.burst;
    if (n > burst.length) n = burst.length;
    const got = pool.allocBurst(burst, n);
    if (got < n) this.refuse(DropReason.NO_BUFFER);
    const views = this.views, capLens = this.capLens, nrec = views.length, data = pool.data, lens = pool.len;
    const bufSize = pool.bufSize, headroom = HEADROOM, maxLen = pool.maxLen;
    let k = this.next, sent = 0, bytes = 0, i = 0;
    for (; i < got; i++) {
      if (k === nrec) {
        k = 0;
        this.played++;
        if (this.loops !== 0 && this.played >= this.loops) { this.finished = true; break; }
      }
      const p = burst[i]!, len = capLens[k]!;
      bytes += len;
      if (len > maxLen) { this.drop(p, DropReason.TOO_BIG); k++; continue; }
      data.set(views[k]!, p * bufSize + headroom); // a fresh packet starts at the default headroom
      lens[p] = len;
      burst[sent++] = p;
      k++;
    }
    // The file's end may fall on the last record of this burst: count the play now.
    if (k === nrec && !this.finished) {
      k = 0;
      this.played++;
      if (this.loops !== 0 && this.played >= this.loops) this.finished = true;
    }
    for (let j = i; j < got; j++) pool.free(burst[j]!); // allocated past the end of the last play
    this.next = k;
    c[RX_PACKETS] += i;
    c[RX_BYTES] += bytes;
    out.transmitBurst(burst, sent);
  }

  override push(): void {
    const l = this.in;
    if (l === undefined) return;
    const pool = this.pool, c = this.counters, w = this.writer;
    const now = w !== undefined ? Date.now() * 1e6 : 0;
    while (!l.empty()) {
      const p = l.receive();
      const len = pool.len[p]!;
      if (p >= pool.count) { this.writeSuper(p, now); continue; }
      if (w !== undefined) w.write(0, pool.data, pool.start(p), len, now, EPB_FLAG_OUTBOUND);
      c[TX_PACKETS]++;
      c[TX_BYTES] += len;
      pool.free(p);
    }
  }

  /** A super-frame is recorded as the wire would carry it: its segments, cut here (one packet out). */
  private writeSuper(p: number, now: number): void {
    const tx = this.offloadTx, w = this.writer, pool = this.pool, len = pool.len[p]!;
    const segs = tx.planSuper(p, tx.seg.length);
    if (segs === 0) { this.drop(p, DropReason.BAD_OFFLOAD); return; }
    if (w !== undefined) for (let i = 0; i < segs; i++) w.write(0, tx.seg, 0, tx.cut(p, i), now, EPB_FLAG_OUTBOUND);
    this.counters[TX_PACKETS]++;
    this.counters[TX_BYTES] += len;
    pool.free(p);
  }

  override tick(): void { /* flush at most every tick so files are readable while running */ this.writer?.flush(); }

  override stop(): void { this.writer?.close(); }

  override report(): Record<string, unknown> {
    return { played: this.played, finished: this.finished, written: this.writer?.packets ?? 0, offloads: this.offloadTx.report() };
  }
}
