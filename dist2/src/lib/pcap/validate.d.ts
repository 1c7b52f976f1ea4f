/**
 * validate(path): walk a whole capture file (classic pcap or pcapng, told apart by the first
 * four bytes) and return its record count and captured bytes, or throw the first PcapError.
 * Used to reject a replay file before a switch starts. Control path.
 */
import { type OpenOptions } from './pcap-reader.js';
/** What validate() found. */
export interface CaptureSummary {
    format: 'pcap' | 'pcapng';
    /** Packet records (pcap records, or pcapng EPBs + SPBs). */
    records: number;
    /** Sum of captured lengths. */
    bytes: number;
}
/** True if the bytes start with a pcapng Section Header Block. */
export declare function isPcapng(data: Uint8Array): boolean;
/** Validate bytes already in memory; `name` prefixes error messages. */
export declare function validateBuffer(name: string, data: Uint8Array): CaptureSummary;
/** Validate a capture file; throws the first PcapError. */
export declare function validate(path: string, opts?: OpenOptions): CaptureSummary;
