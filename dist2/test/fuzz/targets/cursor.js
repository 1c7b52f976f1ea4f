/** Reads little-endian fields off a fuzz input; past the end every field reads 0. */
export class Cursor {
    data;
    off = 0;
    constructor(data) {
        this.data = data;
    }
    u8() { return this.off < this.data.length ? this.data[this.off++] : (this.off++, 0); }
    u16() { return this.u8() | (this.u8() << 8); }
    u32() { return (this.u16() | (this.u16() << 16)) >>> 0; }
    /** The bytes not read yet. */
    rest() { return this.data.subarray(Math.min(this.off, this.data.length)); }
}
/** Builds a fuzz input field by field (for seeds). */
export class Writer {
    parts = [];
    u8(v) { this.parts.push(v & 0xff); return this; }
    u16(v) { return this.u8(v).u8(v >>> 8); }
    u32(v) { return this.u16(v & 0xffff).u16(v >>> 16); }
    bytes(b) { for (const x of b)
        this.parts.push(x); return this; }
    done() { return Uint8Array.from(this.parts); }
}
//# sourceMappingURL=cursor.js.map