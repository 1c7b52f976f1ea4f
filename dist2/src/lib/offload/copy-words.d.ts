/** Copy `len` bytes src8[so..] → dst8[do..]; dst32/src32 are u32 views over the same bytes (byteOffset 0 mod 4). Callers bounds-check. */
export declare function copyWords(dst8: Uint8Array, dst32: Uint32Array, dOff: number, src8: Uint8Array, src32: Uint32Array, sOff: number, len: number): void;
/** A u32 view over exactly `u8`'s bytes (its byteOffset must be 4-aligned). Allocates. */
export declare function words(u8: Uint8Array): Uint32Array;
