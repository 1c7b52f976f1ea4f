/**
 * Capture app (type `capture`): a pass-through inserted on a port's link that writes
 * matching packets to a pcapng destination shared with other capture apps.
 *
 *   input ──► [filter? → EPB on interface "PORT (rx|tx)"] ──► output   (every packet forwarded)
 *
 * A super-frame (TSO, bridge mode) is forwarded whole and recorded as the wire carries it:
 * one EPB per segment, cut for the record (so `written` counts wire frames). Capture never costs a forwarded packet: a write that fails (full disk, reader gone) is
 * counted (`writeErrors`, and as isb_ifdrop) and forwarding goes on. Timestamps are taken
 * once per push (ns since the epoch); EPB flags say inbound (rx: from the port's peer) or
 * outbound (tx: to the peer). The buffer is flushed every `flushMs` from `tick()`. At stop
 * the interface's ISB gets ifrecv = packets seen, ifdrop = packets that matched but could
 * not be written.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { EPB_FLAG_INBOUND, EPB_FLAG_OUTBOUND, type PcapngWriter } from '../../lib/pcap/index.js';
import { compileFilter, type CaptureFilter } from './filter.js';
import { words } from '../../lib/offload/copy-words.js';
import { OffloadTx } from '../../drivers/offload/offload-tx.js';
import { acquireWriter, releaseWriter } from './writers.js';

export interface CaptureArgs {
  /** Destination: pcapng file path, FIFO, or `-` for stdout. */
  file: string;
  /** Name of the captured port (if_name becomes "PORT-rx"/"PORT-tx"). */
  port: string;
  dir: 'rx' | 'tx';
  /** if_description (e.g. the port spec). */
  description?: string;
  filter?: string;
  snaplen?: number;
  flushMs?: number;
}

export const captureSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'port', 'dir'],
  properties: {
    file: { type: 'string', minLength: 1 },
    port: { type: 'string', minLength: 1 },
    dir: { enum: ['rx', 'tx'] },
    description: { type: 'string' },
    filter: { type: 'string' },
    snaplen: { type: 'integer', minimum: 1, maximum: 262144 },
    flushMs: { type: 'number', minimum: 0, maximum: 60000 },
  },
};

export class CaptureApp extends App {
  readonly file: string;
  private readonly writer: PcapngWriter;
  private readonly ifId: number;
  private readonly flag: number;
  private readonly filter: CaptureFilter;
  private readonly flushMs: number;
  private nextFlush = 0;
  private in: Link | undefined;
  private out: Link | undefined;
  private released = false;
  /** Packets seen, matched (written or failed), written, failed. */
  seen = 0;
  matched = 0;
  written = 0;
  writeErrors = 0;
  /** Passes super-frames on whole; records their wire form (writeSuper). */
  override superFrames = 'forward' as const;
  private readonly offloadTx: OffloadTx;

  constructor(ctx: AppContext, args: CaptureArgs) {
    super(ctx);
    this.filter = compileFilter(args.filter ?? ''); // throws FilterError before opening anything
    this.offloadTx = new OffloadTx(ctx.pool, words(ctx.pool.data));
    this.file = args.file;
    this.flag = args.dir === 'rx' ? EPB_FLAG_INBOUND : EPB_FLAG_OUTBOUND;
    this.flushMs = args.flushMs ?? 100;
    this.writer = acquireWriter(args.file);
    try {
      this.ifId = this.writer.addInterface({
        name: `${args.port}-${args.dir}`,
        description: args.description ?? `Sluice port ${args.port}, ${args.dir === 'rx' ? 'received from the peer' : 'sent to the peer'}`,
        ...(args.snaplen !== undefined ? { snaplen: args.snaplen } : {}),
        ...(args.filter ? { comments: [`filter: ${args.filter}`] } : {}),
      });
    } catch (e) { releaseWriter(args.file); throw e; }
  }

  override linked(): void { this.in = this.input.input; this.out = this.output.output; }

  override push(): void {
    const l = this.in, out = this.out;
    if (l === undefined || l.empty()) return;
    const pool = this.pool, c = this.counters, w = this.writer, f = this.filter, data = pool.data;
    const ts = (performance.timeOrigin + performance.now()) * 1e6;
    while (!l.empty()) {
      const p = l.receive();
      const s = pool.start(p), len = pool.len[p]!;
      this.seen++;
      c[RX_PACKETS]++;
      c[RX_BYTES] += len;
      if (f.matches(data, s, len)) {
        this.matched++;
        if (p >= pool.count) this.writeSuper(p, ts);
        else if (w.write(this.ifId, data, s, len, ts, this.flag) === 1) this.written++;
        else { this.writeErrors++; w.noteDrops(this.ifId, 1); }
      }
      if (out === undefined) { pool.free(p); continue; } // unlinked output: nothing to forward to
      c[TX_PACKETS]++;
      c[TX_BYTES] += len;
      out.transmit(p);
    }
  }

  /**
   * A super-frame is recorded in its wire form (its segments, cut for the record; one EPB
   * each) and forwarded whole. One that no longer parses is recorded as it is.
   */
  private writeSuper(p: number, ts: number): void {
    const tx = this.offloadTx, w = this.writer, pool = this.pool;
    const segs = tx.planSuper(p, tx.seg.length);
    if (segs === 0) { if (w.write(this.ifId, pool.data, pool.start(p), pool.len[p]!, ts, this.flag) === 1) this.written++; return; }
    for (let i = 0; i < segs; i++) {
      if (w.write(this.ifId, tx.seg, 0, tx.cut(p, i), ts, this.flag) === 1) this.written++;
      else { this.writeErrors++; w.noteDrops(this.ifId, 1); }
    }
  }

  override tick(now: number): void {
    if (now < this.nextFlush) return;
    this.nextFlush = now + this.flushMs;
    this.writer.flush();
  }

  override stop(): void {
    if (this.released) return;
    this.released = true;
    try { this.writer.setInterfaceStats(this.ifId, this.seen, this.writeErrors); } catch { /* closed */ }
    const err = releaseWriter(this.file);
    if (err) console.error(`sluice: capture ${this.file}: ${err.message}`);
  }

  override reconfig(): boolean { return false; }

  override report(): Record<string, unknown> {
    const e = this.writer.sink.error;
    return { file: this.file, seen: this.seen, matched: this.matched, written: this.written, writeErrors: this.writeErrors, ...(e ? { error: e.message } : {}) };
  }
}
