/** Reads little-endian fields off a fuzz input; past the end every field reads 0. */
export declare class Cursor {
    readonly data: Uint8Array;
    off: number;
    constructor(data: Uint8Array);
    u8(): number;
    u16(): number;
    u32(): number;
    /** The bytes not read yet. */
    rest(): Uint8Array;
}
/** Builds a fuzz input field by field (for seeds). */
export declare class Writer {
    private readonly parts;
    u8(v: number): this;
    u16(v: number): this;
    u32(v: number): this;
    bytes(b: Uint8Array): this;
    done(): Uint8Array;
}
