/**
 * The test-traffic stamp the generator writes and the sink checks: 4 magic bytes and a
 * 32-bit big-endian sequence number at the start of the UDP payload (a fixed offset per
 * template, so the sink need not parse: it finds the stamp where the generator put it).
 */
export declare const STAMP_MAGIC = 1397506865;
export declare const STAMP_LEN = 8;
export declare function writeStamp(buf: Uint8Array, off: number, seq: number): void;
/** Sequence number at `off`, or -1 if there is no stamp there. */
export declare function readStamp(buf: Uint8Array, off: number): number;
