/**
 * NUMA-aware choice for GetPreferredAllocation (pure; control path).
 *
 * preferDevices(available, mustInclude, size, numaOf) returns `size` IDs:
 *   1. every mustInclude ID first (the kubelet requires them);
 *   2. then, if the rest fits on one NUMA node, that node: nodes already used by the
 *      mustInclude IDs first, then the node with the fewest free devices that still fits
 *      (best fit keeps big nodes whole for big requests);
 *   3. otherwise nodes in order of most free devices, so the request spans as few nodes
 *      as possible.
 * Within a node IDs go in natural order (vhu-n0-2 before vhu-n0-10), so answers are
 * deterministic. Throws RangeError for a size outside 0..available (+ mustInclude).
 */
export declare function preferDevices(available: readonly string[], mustInclude: readonly string[], size: number, numaOf: (id: string) => number): string[];
