/** Reads little-endian fields off a fuzz input; past the end every field reads 0. */
export class Cursor {
  off = 0;
  constructor(readonly data: Uint8Array) {}
  u8(): number { return this.off < this.data.length ? this.data[this.off++]! : (this.off++, 0); }
  u16(): number { return this.u8() | (this.u8() << 8); }
  u32(): number { return (this.u16() | (this.u16() << 16)) >>> 0; }
  /** The bytes not read yet. */
  rest(): Uint8Array { return this.data.subarray(Math.min(this.off, this.data.length)); }
}

/** Builds a fuzz input field by field (for seeds). */
export class Writer {
  private readonly parts: number[] = [];
  u8(v: number): this { this.parts.push(v & 0xff); return this; }
  u16(v: number): this { return this.u8(v).u8(v >>> 8); }
  u32(v: number): this { return this.u16(v & 0xffff).u16(v >>> 16); }
  bytes(b: Uint8Array): this { for (const x of b) this.parts.push(x); return this; }
  done(): Uint8Array { return Uint8Array.from(this.parts); }
}
