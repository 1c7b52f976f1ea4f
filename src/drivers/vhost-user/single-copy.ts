/**
 * The single-copy patch both vhost-user apps use (the port app on the main engine and the
 * per-worker queues app): when an app's `output` leads straight into another app of the same
 * kind's `input`, frames go from one guest's TX buffer into the other guest's RX buffer in one
 * copy, and the link they would have crossed is credited with them (it stays empty), so link
 * counters and the engine's busy accounting still add up.
 */
import type { Link } from '../../core/link.js';
import { parseLink } from '../../core/config.js';
import type { RingSet } from './ring-set.js';

/** The partner `out` leads straight into (its `input`), or null (control path, in linked()). */
export function patchPeer<T>(self: T, out: Link | undefined, byName: ReadonlyMap<string, T>): T | null {
  if (!out || process.env.SLUICE_VHOST_SINGLE_COPY === '0') return null;
  const ends = parseLink(out.spec);
  const peer = byName.get(ends.to);
  return peer !== undefined && peer !== self && ends.input === 'input' ? peer : null;
}

/** Up to `max` frames from `src`'s guest TX into `dst`'s guest RX, credited to `out`. */
export function forwardOnLink(src: RingSet, dst: RingSet, out: Link, max: number): number {
  const b0 = src.io.fromGuestBytes, p0 = src.io.fromGuestPackets;
  const n = src.forwardTo(dst, max);
  if (n > 0) {
    // In wire frames: a super-frame cut on its way counts once per segment.
    const dp = src.io.fromGuestPackets - p0;
    const db = src.io.fromGuestBytes - b0;
    out.txPackets += dp;
    out.rxPackets += dp;
    out.txBytes += db;
    out.rxBytes += db;
  }
  return n;
}
