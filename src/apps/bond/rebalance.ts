/**
 * Load-based rebalancing of a bond's hash buckets, as Open vSwitch's bond_rebalance does it
 * every other_config:bond-rebalance-interval (lib/bond.c):
 *  - each enabled member's load is the sum of its buckets' bytes;
 *  - while the most loaded member ("from") carries at least 100000 bytes and 1/32 more than
 *    the least loaded ("to"), one of from's buckets moves to `to`: the first (in bucket
 *    order) whose move leaves the lower of the two loads above to's and closer to the mean of
 *    the two by at least a tenth of the gap (OVS's choose_entry_to_migrate); a member with at
 *    most one loaded bucket, or none that qualifies, is not considered again this run, and
 *    a bucket moved is not moved twice;
 *  - then every bucket's bytes are halved (an exponentially weighted average: old load decays
 *    to under 1% in 7 runs).
 * Control path (one run per interval): it may allocate.
 */

/** OVS: below ~1 Mbit/s of imbalance per 10 s interval there is no point in moving. */
const MIN_OVERLOAD_BYTES = 100_000;

/**
 * Rebalance `buckets` (member index per bucket, -1: none) by `bytes` (load per bucket)
 * over the `enabled` member indexes; halves `bytes`. Returns the number of buckets moved.
 */
export function rebalanceLoad(buckets: Int32Array, bytes: Float64Array, enabled: readonly number[]): number {
  const load = new Map<number, number>(enabled.map((i) => [i, 0]));
  for (let b = 0; b < buckets.length; b++) {
    const m = buckets[b]!;
    if (load.has(m) && bytes[b]! > 0) load.set(m, load.get(m)! + bytes[b]!);
  }
  const moved = new Uint8Array(buckets.length);
  // Descending load; equal loads keep member order (OVS inserts after equals).
  const bals = [...enabled];
  const sort = () => bals.sort((x, y) => load.get(y)! - load.get(x)! || x - y);
  let moves = 0;
  sort();
  while (bals.length >= 2) {
    const from = bals[0]!, to = bals[bals.length - 1]!;
    const fromLoad = load.get(from)!, toLoad = load.get(to)!;
    const overload = fromLoad - toLoad;
    if (overload < Math.floor(toLoad / 32) || overload < MIN_OVERLOAD_BYTES) break;
    const e = bucketToMove(buckets, bytes, moved, from, fromLoad, toLoad);
    if (e < 0) { bals.shift(); continue; }
    buckets[e] = to;
    moved[e] = 1;
    load.set(from, fromLoad - bytes[e]!);
    load.set(to, toLoad + bytes[e]!);
    moves++;
    sort();
  }
  for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(bytes[b]! / 2);
  return moves;
}

/** OVS's choose_entry_to_migrate: a loaded bucket of `from` worth moving to `to`, or -1. */
function bucketToMove(buckets: Int32Array, bytes: Float64Array, moved: Uint8Array, from: number, fromLoad: number, toLoad: number): number {
  let entries = 0;
  for (let b = 0; b < buckets.length; b++) if (buckets[b] === from && bytes[b]! > 0 && !moved[b]) entries++;
  if (entries <= 1) return -1; // one hash: moving it only moves the imbalance
  const ideal = Math.floor((fromLoad + toLoad) / 2);
  for (let b = 0; b < buckets.length; b++) {
    if (buckets[b] !== from || bytes[b]! <= 0 || moved[b]) continue;
    const delta = bytes[b]!;
    const newLow = Math.min(fromLoad - delta, toLoad + delta);
    if (newLow > toLoad && newLow - toLoad >= Math.floor((ideal - toLoad) / 10)) return b;
  }
  return -1;
}
