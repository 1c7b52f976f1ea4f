/**
 * Sink (`sink`): consumes everything on `input`, counting it as transmitted to this port,
 * and verifies generator stamps: per packet it reads the sequence number where the
 * generator wrote it and counts in-order, lost (gaps), and late/duplicate packets.
 * `null` is the same without verification.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { readStamp } from './stamp.js';

export interface SinkArgs {
  /** Byte offset of the stamp in each frame (42 for untagged IPv4/UDP; 46 with one VLAN tag). */
  stampOffset?: number;
  verify?: boolean;
}

export const sinkSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { stampOffset: { type: 'integer', minimum: 0, maximum: 9000 }, verify: { type: 'boolean' } },
};

export class Sink extends App {
  private in: Link | undefined;
  readonly verify: boolean;
  readonly stampOffset: number;
  expected = 0;
  inOrder = 0;
  lost = 0;
  late = 0;
  unstamped = 0;

  constructor(ctx: AppContext, args: SinkArgs) {
    super(ctx);
    this.verify = args.verify ?? true;
    this.stampOffset = args.stampOffset ?? 42;
  }

  override linked(): void { this.in = this.input.input; }

  override push(): void {
    const l = this.in;
    if (l === undefined) return;
    const pool = this.pool, data = pool.data, c = this.counters, verify = this.verify, so = this.stampOffset;
    let n = 0, bytes = 0;
    while (!l.empty()) {
      const p = l.receive();
      const len = pool.len[p]!;
      if (verify) {
        const seq = len >= so + 8 ? readStamp(data, pool.start(p) + so) : -1;
        if (seq < 0) this.unstamped++;
        else if (seq === this.expected) { this.inOrder++; this.expected = seq + 1; }
        else if (seq > this.expected) { this.lost += seq - this.expected; this.inOrder++; this.expected = seq + 1; }
        else { this.late++; this.lost--; }
      }
      n++;
      bytes += len;
      pool.free(p);
    }
    c[TX_PACKETS] += n;
    c[TX_BYTES] += bytes;
  }

  override report(): Record<string, unknown> {
    return this.verify ? { inOrder: this.inOrder, lost: this.lost, late: this.late, unstamped: this.unstamped, nextExpected: this.expected } : {};
  }
}

/** `null`: discard everything given to it (counted as tx), produce nothing. */
export class NullPort extends Sink {
  constructor(ctx: AppContext, _args: unknown) { super(ctx, { verify: false }); }
}
