/**
 * NeighborTable: ARP (IPv4, 1-word key) or neighbour discovery (IPv6, 4-word key) cache with
 * per-entry hold queues, on ExactMatchTable slots and parallel typed arrays.
 *
 * States: INCOMPLETE (resolution in progress: packets wait in the entry's hold queue, up to
 * HOLD_PACKETS, and the router sends a probe every second, giving up after MAX_PROBES) and
 * REACHABLE (MAC known; refreshed whenever the neighbour speaks ARP/ND to us; forgotten after
 * `maxAgeMs` without a refresh). The router owns the probing and the packets: this class only
 * keeps the state, so it stays testable without a pool.
 *
 * Data path (no allocation): find(key), create(key, port, now), resolve(slot, hi, lo, now),
 * hold(slot, p) / take(slot, i). Control path: dump(), remove(slot).
 */
import { ExactMatchTable } from '../../lib/hash/exact-match-table.js';
export const INCOMPLETE = 1, REACHABLE = 2;
/** Packets queued per unresolved neighbour (Linux's default unres_qlen is 101 packets; RFC 4861 7.2.2 asks for "a small queue"). */
export const HOLD_PACKETS = 4;
export const MAX_PROBES = 3;
export class NeighborTable {
    keyWords;
    maxAgeMs;
    table;
    capacity;
    state;
    macHi;
    macLo;
    port;
    updated;
    nextProbe;
    probes;
    held;
    nHeld;
    constructor(keyWords, capacity, maxAgeMs) {
        this.keyWords = keyWords;
        this.maxAgeMs = maxAgeMs;
        this.capacity = capacity;
        this.table = new ExactMatchTable({ keyWords, capacity });
        this.state = new Uint8Array(capacity);
        this.macHi = new Uint16Array(capacity);
        this.macLo = new Uint32Array(capacity);
        this.port = new Int32Array(capacity);
        this.updated = new Float64Array(capacity);
        this.nextProbe = new Float64Array(capacity);
        this.probes = new Uint8Array(capacity);
        this.held = new Int32Array(capacity * HOLD_PACKETS);
        this.nHeld = new Uint8Array(capacity);
    }
    get size() { return this.table.size; }
    find(key) { return this.table.lookupSlot(key, 0); }
    /** New INCOMPLETE entry (probe due now); -1 when the table is full. */
    create(key, port, now) {
        const s = this.table.add(key, 0, 0);
        if (s < 0)
            return -1;
        this.state[s] = INCOMPLETE;
        this.port[s] = port;
        this.updated[s] = now;
        this.nextProbe[s] = now;
        this.probes[s] = 0;
        this.nHeld[s] = 0;
        return s;
    }
    /** Records the neighbour's MAC (and the port it answered on): REACHABLE. */
    resolve(slot, port, hi, lo, now) {
        this.state[slot] = REACHABLE;
        this.port[slot] = port;
        this.macHi[slot] = hi;
        this.macLo[slot] = lo;
        this.updated[slot] = now;
        this.probes[slot] = 0;
    }
    /** Queues packet p on an INCOMPLETE entry; false when the queue is full. */
    hold(slot, p) {
        const n = this.nHeld[slot];
        if (n >= HOLD_PACKETS)
            return false;
        this.held[slot * HOLD_PACKETS + n] = p;
        this.nHeld[slot] = n + 1;
        return true;
    }
    remove(slot) {
        this.table.deleteSlot(slot);
        this.state[slot] = 0;
        this.nHeld[slot] = 0;
    }
}
//# sourceMappingURL=neighbors.js.map