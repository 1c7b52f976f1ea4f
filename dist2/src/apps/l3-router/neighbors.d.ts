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
export declare const INCOMPLETE = 1, REACHABLE = 2;
/** Packets queued per unresolved neighbour (Linux's default unres_qlen is 101 packets; RFC 4861 7.2.2 asks for "a small queue"). */
export declare const HOLD_PACKETS = 4;
export declare const MAX_PROBES = 3;
export declare class NeighborTable {
    readonly keyWords: number;
    readonly maxAgeMs: number;
    readonly table: ExactMatchTable;
    readonly capacity: number;
    readonly state: Uint8Array;
    readonly macHi: Uint16Array;
    readonly macLo: Uint32Array;
    readonly port: Int32Array;
    readonly updated: Float64Array;
    readonly nextProbe: Float64Array;
    readonly probes: Uint8Array;
    readonly held: Int32Array;
    readonly nHeld: Uint8Array;
    constructor(keyWords: number, capacity: number, maxAgeMs: number);
    get size(): number;
    find(key: Uint32Array): number;
    /** New INCOMPLETE entry (probe due now); -1 when the table is full. */
    create(key: Uint32Array, port: number, now: number): number;
    /** Records the neighbour's MAC (and the port it answered on): REACHABLE. */
    resolve(slot: number, port: number, hi: number, lo: number, now: number): void;
    /** Queues packet p on an INCOMPLETE entry; false when the queue is full. */
    hold(slot: number, p: number): boolean;
    remove(slot: number): void;
}
