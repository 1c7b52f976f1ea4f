/**
 * MacTable: the bridge's (VLAN, MAC) -> port table with learning, a size limit and aging.
 *
 * Built on ExactMatchTable with a 2-word key `[vlan << 16 | macHi16, macLo32]` and the port
 * index as value; the last-seen time of each entry lives in a parallel Float64Array indexed
 * by the table's stable slot. Time is whatever clock the caller passes (the bridge passes the
 * engine's tick time in ms), so tests can age entries by passing a later time.
 *
 * Contract (data path: no allocation, no throw):
 *   learn(vlan, hi, lo, port, nowMs): slot; when full another entry is evicted (counted)
 *   touch(slot, nowMs)               refreshes an entry the caller knows by slot
 *   lookup(vlan, hi, lo): port | -1
 *   gen                              changes whenever an entry is added, moved or removed, so
 *                                    callers may cache (key -> slot/port) results while it holds
 *   sweep(nowMs, maxSlots): ages out up to maxSlots slots per call (incremental), returns removed
 * Control path: dump(nowMs), flush(), size.
 */
import { ExactMatchTable } from '../../lib/hash/exact-match-table.js';
import { mac48, macToString } from '../../lib/proto/addr.js';
export class MacTable {
    capacity;
    agingMs;
    table;
    seen;
    key = new Uint32Array(2);
    cursor = 0;
    learned = 0;
    moved = 0;
    aged = 0;
    full = 0;
    /** Entries evicted to learn a new one when the table was full. */
    evicted = 0;
    /** Bumped on every add, move and removal (validates callers' caches). */
    gen = 0;
    constructor(capacity, agingSec) {
        this.capacity = capacity;
        this.agingMs = agingSec * 1000;
        this.table = new ExactMatchTable({ keyWords: 2, capacity });
        this.seen = new Float64Array(capacity);
    }
    get size() { return this.table.size; }
    /** Learns or refreshes (vlan, mac) on `port`; returns its slot or -1 when full. */
    learn(vlan, hi, lo, port, nowMs) {
        const key = this.key;
        key[0] = (vlan << 16) | hi;
        key[1] = lo;
        const t = this.table;
        const s = t.lookupSlot(key, 0);
        if (s >= 0) {
            this.seen[s] = nowMs;
            if (t.valueAt(s) !== port) {
                t.setValueAt(s, port);
                this.moved++;
                this.gen++;
            }
            return s;
        }
        let ns = t.add(key, 0, port);
        if (ns < 0) {
            // Full: evict the entry at the sweep cursor (counted) to make room, as OVS evicts to learn.
            const v = this.victim();
            if (v < 0) {
                this.full++;
                return -1;
            }
            t.deleteSlot(v);
            this.evicted++;
            ns = t.add(key, 0, port);
            if (ns < 0) {
                this.full++;
                return -1;
            }
        }
        this.seen[ns] = nowMs;
        this.learned++;
        this.gen++;
        return ns;
    }
    /** The used slot at or after the sweep cursor, which advances past it; -1 when empty. */
    victim() {
        const t = this.table;
        let v = t.nextSlot(this.cursor);
        if (v < 0)
            v = t.nextSlot(0);
        if (v >= 0)
            this.cursor = v + 1 === this.capacity ? 0 : v + 1;
        return v;
    }
    /** Marks the entry in `slot` as seen now (the caller got the slot from learn() under the current gen). */
    touch(slot, nowMs) {
        this.seen[slot] = nowMs;
    }
    /** Port of (vlan, mac), or -1. */
    lookup(vlan, hi, lo) {
        const key = this.key;
        key[0] = (vlan << 16) | hi;
        key[1] = lo;
        return this.table.lookup(key, 0);
    }
    /** Ages out entries older than agingMs among the next `maxSlots` slots; returns how many were removed. */
    sweep(nowMs, maxSlots) {
        const t = this.table, seen = this.seen, cap = this.capacity, maxAge = this.agingMs;
        let s = this.cursor, removed = 0;
        for (let i = 0; i < maxSlots; i++) {
            if (t.isUsed(s) && nowMs - seen[s] > maxAge) {
                t.deleteSlot(s);
                removed++;
            }
            if (++s === cap)
                s = 0;
        }
        this.cursor = s;
        this.aged += removed;
        if (removed !== 0)
            this.gen++;
        return removed;
    }
    /** Removes entries on `port` (all when port < 0); returns how many. Control path. */
    flush(port = -1) {
        let n = 0;
        const t = this.table;
        for (let s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1)) {
            if (port < 0 || t.valueAt(s) === port) {
                t.deleteSlot(s);
                n++;
            }
        }
        this.gen++;
        return n;
    }
    /** Renumbers ports: an entry on port i moves to map[i], or goes when that is -1. Control path. */
    remap(map) {
        const t = this.table;
        for (let s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1)) {
            const to = t.valueAt(s) < map.length ? map[t.valueAt(s)] : -1;
            if (to < 0)
                t.deleteSlot(s);
            else
                t.setValueAt(s, to);
        }
        this.gen++;
    }
    /** Every entry. Control path; allocates. */
    dump(nowMs) {
        const t = this.table;
        const out = [];
        for (let s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1)) {
            const w0 = t.keyWordAt(s, 0);
            out.push({
                mac: macToString(mac48(w0 & 0xffff, t.keyWordAt(s, 1))),
                vlan: w0 >>> 16,
                port: t.valueAt(s),
                ageSec: Math.max(0, Math.round((nowMs - this.seen[s]) / 100) / 10),
            });
        }
        return out;
    }
}
//# sourceMappingURL=mac-table.js.map