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
const collator = new Intl.Collator('en', { numeric: true });
export function preferDevices(available, mustInclude, size, numaOf) {
    const must = [...new Set(mustInclude)];
    const pool = [...new Set(available)].filter((id) => !must.includes(id));
    if (!Number.isInteger(size) || size < 0 || size > must.length + pool.length) {
        throw new RangeError(`allocation_size ${size} is outside 0..${must.length + pool.length}`);
    }
    if (size <= must.length)
        return must.slice(0, size);
    const out = [...must];
    let need = size - must.length;
    const byNode = new Map();
    for (const id of pool) {
        const n = numaOf(id);
        const list = byNode.get(n);
        if (list)
            list.push(id);
        else
            byNode.set(n, [id]);
    }
    for (const list of byNode.values())
        list.sort(collator.compare);
    const usedNodes = new Set(must.map(numaOf));
    const fits = [...byNode.entries()].filter(([, ids]) => ids.length >= need);
    if (fits.length > 0) {
        fits.sort(([na, a], [nb, b]) => (Number(usedNodes.has(nb)) - Number(usedNodes.has(na))) || (a.length - b.length) || (na - nb));
        return out.concat(fits[0][1].slice(0, need));
    }
    const nodes = [...byNode.entries()].sort(([na, a], [nb, b]) => (Number(usedNodes.has(nb)) - Number(usedNodes.has(na))) || (b.length - a.length) || (na - nb));
    for (const [, ids] of nodes) {
        const take = ids.slice(0, need);
        out.push(...take);
        need -= take.length;
        if (need === 0)
            break;
    }
    return out;
}
//# sourceMappingURL=preferred.js.map