/**
 * BTF reader: just enough of the type section to learn what libbpf-style map definitions
 * (`struct { __uint(type, ...); __type(key, ...); ... } name SEC(".maps")`) declare. In the
 * object those structs hold zeros; the numbers live in the types: `__uint(f, N)` is
 * `int (*f)[N]` (a pointer to an array of N), `__type(f, T)` is `T *f`.
 */
import { BpfObjectError } from './errors.js';

export const BTF_MAGIC = 0xeb9f;
export const KIND = {
  INT: 1, PTR: 2, ARRAY: 3, STRUCT: 4, UNION: 5, ENUM: 6, FWD: 7, TYPEDEF: 8, VOLATILE: 9, CONST: 10,
  RESTRICT: 11, FUNC: 12, FUNC_PROTO: 13, VAR: 14, DATASEC: 15, FLOAT: 16, DECL_TAG: 17, TYPE_TAG: 18, ENUM64: 19,
} as const;

export interface BtfType {
  id: number;
  kind: number;
  name: string;
  /** size (INT, STRUCT, UNION, ENUM, DATASEC, FLOAT) or referenced type (PTR, TYPEDEF, qualifiers, VAR, FUNC). */
  sizeOrType: number;
  vlen: number;
  /** STRUCT/UNION members, DATASEC vars ({type, offset, size}), FUNC_PROTO params. */
  members: { name: string; type: number; offset: number; size: number }[];
  /** ARRAY only. */
  array?: { type: number; nelems: number };
}

export class Btf {
  /** types[id]; id 0 is void. */
  readonly types: (BtfType | undefined)[] = [undefined];

  constructor(data: Uint8Array) {
    if (data.length < 24) throw new BpfObjectError(`.BTF: ${data.length} bytes, the header needs 24`);
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (dv.getUint16(0, true) !== BTF_MAGIC) throw new BpfObjectError(`.BTF: bad magic 0x${dv.getUint16(0, true).toString(16)}`);
    const hdrLen = dv.getUint32(4, true);
    const typeOff = dv.getUint32(8, true), typeLen = dv.getUint32(12, true), strOff = dv.getUint32(16, true), strLen = dv.getUint32(20, true);
    const tBase = hdrLen + typeOff, sBase = hdrLen + strOff;
    if (tBase + typeLen > data.length || tBase + typeLen < tBase) throw new BpfObjectError(`.BTF: type section (${typeOff}+${typeLen}) runs past the end`);
    if (sBase + strLen > data.length) throw new BpfObjectError(`.BTF: string section (${strOff}+${strLen}) runs past the end`);
    const str = (off: number, what: string): string => {
      if (off >= strLen && !(off === 0 && strLen === 0)) throw new BpfObjectError(`.BTF: ${what} name offset ${off} is past the strings (${strLen})`);
      let e = sBase + off;
      while (e < sBase + strLen && data[e] !== 0) e++;
      return new TextDecoder().decode(data.subarray(sBase + off, e));
    };
    let o = tBase;
    const end = tBase + typeLen;
    const need = (n: number, id: number) => { if (o + n > end) throw new BpfObjectError(`.BTF: type ${id} runs past the type section`); };
    while (o < end) {
      const id = this.types.length;
      need(12, id);
      const info = dv.getUint32(o + 4, true);
      const t: BtfType = {
        id, kind: (info >>> 24) & 0x1f, name: str(dv.getUint32(o, true), `type ${id}`), sizeOrType: dv.getUint32(o + 8, true),
        vlen: info & 0xffff, members: [],
      };
      o += 12;
      switch (t.kind) {
        case KIND.INT: need(4, id); o += 4; break;
        case KIND.ARRAY:
          need(12, id);
          t.array = { type: dv.getUint32(o, true), nelems: dv.getUint32(o + 8, true) };
          o += 12;
          break;
        case KIND.STRUCT: case KIND.UNION:
          need(12 * t.vlen, id);
          for (let i = 0; i < t.vlen; i++, o += 12) {
            t.members.push({ name: str(dv.getUint32(o, true), `type ${id} member ${i}`), type: dv.getUint32(o + 4, true), offset: dv.getUint32(o + 8, true), size: 0 });
          }
          break;
        case KIND.ENUM: need(8 * t.vlen, id); o += 8 * t.vlen; break;
        case KIND.ENUM64: need(12 * t.vlen, id); o += 12 * t.vlen; break;
        case KIND.FUNC_PROTO:
          need(8 * t.vlen, id);
          for (let i = 0; i < t.vlen; i++, o += 8) t.members.push({ name: str(dv.getUint32(o, true), `type ${id} param ${i}`), type: dv.getUint32(o + 4, true), offset: 0, size: 0 });
          break;
        case KIND.VAR: need(4, id); o += 4; break;
        case KIND.DATASEC:
          need(12 * t.vlen, id);
          for (let i = 0; i < t.vlen; i++, o += 12) t.members.push({ name: '', type: dv.getUint32(o, true), offset: dv.getUint32(o + 4, true), size: dv.getUint32(o + 8, true) });
          break;
        case KIND.DECL_TAG: need(4, id); o += 4; break;
        case KIND.PTR: case KIND.FWD: case KIND.TYPEDEF: case KIND.VOLATILE: case KIND.CONST: case KIND.RESTRICT:
        case KIND.FUNC: case KIND.FLOAT: case KIND.TYPE_TAG:
          break;
        default: throw new BpfObjectError(`.BTF: type ${id} has unknown kind ${t.kind}`);
      }
      this.types.push(t);
    }
  }

  type(id: number, what: string): BtfType {
    const t = this.types[id];
    if (!t) throw new BpfObjectError(`.BTF: ${what} refers to type ${id}, which does not exist`);
    return t;
  }

  /** Follow typedefs and qualifiers. */
  skipMods(id: number, what: string): BtfType {
    let t = this.type(id, what);
    for (let n = 0; n < 64; n++) {
      if (t.kind !== KIND.TYPEDEF && t.kind !== KIND.VOLATILE && t.kind !== KIND.CONST && t.kind !== KIND.RESTRICT && t.kind !== KIND.TYPE_TAG) return t;
      t = this.type(t.sizeOrType, what);
    }
    throw new BpfObjectError(`.BTF: ${what}: type chain too long`);
  }

  /** Byte size of a type. */
  sizeOf(id: number, what: string, depth = 0): number {
    if (depth > 32) throw new BpfObjectError(`.BTF: ${what}: type nesting too deep`);
    const t = this.skipMods(id, what);
    switch (t.kind) {
      case KIND.INT: case KIND.STRUCT: case KIND.UNION: case KIND.ENUM: case KIND.ENUM64: case KIND.FLOAT: case KIND.DATASEC: return t.sizeOrType;
      case KIND.PTR: return 8;
      case KIND.ARRAY: return t.array!.nelems * this.sizeOf(t.array!.type, what, depth + 1);
      default: throw new BpfObjectError(`.BTF: ${what}: type ${id} (kind ${t.kind}) has no size`);
    }
  }

  /** The DATASEC named `name`, if any. */
  datasec(name: string): BtfType | undefined {
    return this.types.find((t) => t?.kind === KIND.DATASEC && t.name === name);
  }
}

export interface BtfMapDef {
  name: string;
  /** Offset of the variable in the .maps section. */
  offset: number;
  type: number;
  keySize: number;
  valueSize: number;
  maxEntries: number;
  flags: number;
}

/** The map definitions of a `.maps` section as BTF declares them. */
export function btfMapDefs(btf: Btf): BtfMapDef[] {
  const sec = btf.datasec('.maps');
  if (!sec) return [];
  return sec.members.map((m) => {
    const v = btf.type(m.type, '.maps variable');
    if (v.kind !== KIND.VAR) throw new BpfObjectError(`.BTF: .maps entry at offset ${m.offset} is not a variable`);
    const what = `map ${v.name}`;
    const st = btf.skipMods(v.sizeOrType, what);
    if (st.kind !== KIND.STRUCT) throw new BpfObjectError(`.BTF: ${what}: definition is not a struct`);
    const def: BtfMapDef = { name: v.name, offset: m.offset, type: -1, keySize: -1, valueSize: -1, maxEntries: -1, flags: 0 };
    for (const f of st.members) {
      const fw = `${what} field ${f.name}`;
      const uintOf = (): number => {
        const p = btf.skipMods(f.type, fw);
        if (p.kind !== KIND.PTR) throw new BpfObjectError(`.BTF: ${fw}: not declared with __uint (pointer to array)`);
        const a = btf.skipMods(p.sizeOrType, fw);
        if (a.kind !== KIND.ARRAY) throw new BpfObjectError(`.BTF: ${fw}: not declared with __uint (pointer to array)`);
        return a.array!.nelems;
      };
      const typeSize = (): number => {
        const p = btf.skipMods(f.type, fw);
        if (p.kind !== KIND.PTR) throw new BpfObjectError(`.BTF: ${fw}: not declared with __type (pointer)`);
        return btf.sizeOf(p.sizeOrType, fw);
      };
      switch (f.name) {
        case 'type': def.type = uintOf(); break;
        case 'max_entries': def.maxEntries = uintOf(); break;
        case 'map_flags': def.flags = uintOf(); break;
        case 'key_size': def.keySize = uintOf(); break;
        case 'value_size': def.valueSize = uintOf(); break;
        case 'key': def.keySize = typeSize(); break;
        case 'value': def.valueSize = typeSize(); break;
        case 'pinning': case 'numa_node': case 'map_extra': break;
        default: throw new BpfObjectError(`.BTF: ${fw}: unsupported map attribute`);
      }
    }
    for (const [k, n] of [['type', def.type], ['max_entries', def.maxEntries], ['key', def.keySize], ['value', def.valueSize]] as const) {
      if (n < 0) throw new BpfObjectError(`.BTF: ${what}: no ${k}`);
    }
    return def;
  });
}
