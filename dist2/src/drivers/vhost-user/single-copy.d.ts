/**
 * The single-copy patch both vhost-user apps use (the port app on the main engine and the
 * per-worker queues app): when an app's `output` leads straight into another app of the same
 * kind's `input`, frames go from one guest's TX buffer into the other guest's RX buffer in one
 * copy, and the link they would have crossed is credited with them (it stays empty), so link
 * counters and the engine's busy accounting still add up.
 */
import type { Link } from '../../core/link.js';
import type { RingSet } from './ring-set.js';
/** The partner `out` leads straight into (its `input`), or null (control path, in linked()). */
export declare function patchPeer<T>(self: T, out: Link | undefined, byName: ReadonlyMap<string, T>): T | null;
/** Up to `max` frames from `src`'s guest TX into `dst`'s guest RX, credited to `out`. */
export declare function forwardOnLink(src: RingSet, dst: RingSet, out: Link, max: number): number;
