/**
 * ELF64 little-endian reader for eBPF relocatable objects (ET_REL, EM_BPF): section headers,
 * the symbol table and REL relocations. Every offset and size is checked against the file, so a
 * truncated or hostile object is refused naming the field, never read out of bounds.
 */
import { BpfObjectError } from './errors.js';

export const EM_BPF = 247;
export const ET_REL = 1;
export const SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_NOBITS = 8, SHT_REL = 9;
export const SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4;
export const R_BPF_64_64 = 1, R_BPF_64_ABS64 = 2, R_BPF_64_ABS32 = 3, R_BPF_64_32 = 10;

export interface Section {
  index: number;
  name: string;
  type: number;
  flags: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  /** Contents (zeros for NOBITS). */
  data: Uint8Array;
}

export interface Sym {
  name: string;
  value: number;
  size: number;
  /** STT_* (low 4 bits of st_info). */
  type: number;
  /** STB_* (high 4 bits). */
  bind: number;
  shndx: number;
}

export interface Rel {
  offset: number;
  type: number;
  sym: number;
}

export interface ElfFile {
  sections: Section[];
  symbols: Sym[];
  /** Relocations by the index of the section they apply to. */
  rels: Map<number, Rel[]>;
}

const MAX_SECTIONS = 4096;

export function readElf(file: Uint8Array): ElfFile {
  if (file.length < 64) throw new BpfObjectError(`ELF header: file is ${file.length} bytes, needs 64`);
  if (file[0] !== 0x7f || file[1] !== 0x45 || file[2] !== 0x4c || file[3] !== 0x46) throw new BpfObjectError('ELF header: bad magic (not an ELF file)');
  if (file[4] !== 2) throw new BpfObjectError('ELF header: e_ident[EI_CLASS] is not ELFCLASS64');
  if (file[5] !== 1) throw new BpfObjectError('ELF header: e_ident[EI_DATA] is not little-endian');
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const type = dv.getUint16(16, true), machine = dv.getUint16(18, true);
  if (type !== ET_REL) throw new BpfObjectError(`ELF header: e_type ${type} is not ET_REL (1)`);
  if (machine !== EM_BPF) throw new BpfObjectError(`ELF header: e_machine ${machine} is not EM_BPF (247)`);
  const shoff = num64(dv, 40, 'e_shoff');
  const shentsize = dv.getUint16(58, true), shnum = dv.getUint16(60, true), shstrndx = dv.getUint16(62, true);
  if (shentsize !== 64) throw new BpfObjectError(`ELF header: e_shentsize ${shentsize} is not 64`);
  if (shnum > MAX_SECTIONS) throw new BpfObjectError(`ELF header: e_shnum ${shnum} is over ${MAX_SECTIONS}`);
  if (shoff + shnum * 64 > file.length) throw new BpfObjectError(`ELF header: section headers (e_shoff ${shoff}, ${shnum} entries) run past the end of the file`);
  if (shstrndx >= shnum) throw new BpfObjectError(`ELF header: e_shstrndx ${shstrndx} is not a section`);
  const raw = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * 64;
    const s = {
      nameOff: dv.getUint32(o, true), type: dv.getUint32(o + 4, true), flags: num64(dv, o + 8, `section ${i} sh_flags`),
      offset: num64(dv, o + 24, `section ${i} sh_offset`), size: num64(dv, o + 32, `section ${i} sh_size`),
      link: dv.getUint32(o + 40, true), info: dv.getUint32(o + 44, true),
    };
    if (s.type !== SHT_NOBITS && s.type !== 0 && s.offset + s.size > file.length) {
      throw new BpfObjectError(`section ${i}: sh_offset ${s.offset} + sh_size ${s.size} runs past the end of the file (${file.length})`);
    }
    raw.push(s);
  }
  const shstr = raw[shstrndx]!;
  if (shstr.type !== SHT_STRTAB) throw new BpfObjectError(`ELF header: e_shstrndx ${shstrndx} is not a string table (type ${shstr.type})`);
  const sections: Section[] = raw.map((s, index) => ({
    index, name: cstr(file, shstr.offset, shstr.size, s.nameOff, `section ${index} name`), type: s.type, flags: s.flags,
    offset: s.offset, size: s.size, link: s.link, info: s.info,
    data: s.type === SHT_NOBITS ? new Uint8Array(s.size > 1 << 24 ? 0 : s.size) : file.subarray(s.offset, s.offset + s.size),
  }));
  for (const s of sections) if (s.type === SHT_NOBITS && s.size > 1 << 24) throw new BpfObjectError(`section ${s.name}: NOBITS size ${s.size} is too large`);

  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  const symbols: Sym[] = [];
  if (symtab) {
    const strtab = sections[symtab.link];
    if (!strtab || strtab.type !== SHT_STRTAB) throw new BpfObjectError(`section ${symtab.name}: sh_link ${symtab.link} is not a string table`);
    if (symtab.size % 24 !== 0) throw new BpfObjectError(`section ${symtab.name}: size ${symtab.size} is not a multiple of 24`);
    for (let o = symtab.offset; o < symtab.offset + symtab.size; o += 24) {
      const info = file[o + 4]!;
      symbols.push({
        name: cstr(file, strtab.offset, strtab.size, dv.getUint32(o, true), `symbol ${symbols.length} name`),
        type: info & 0xf, bind: info >> 4, shndx: dv.getUint16(o + 6, true),
        value: num64(dv, o + 8, `symbol ${symbols.length} st_value`), size: num64(dv, o + 16, `symbol ${symbols.length} st_size`),
      });
    }
  }
  const rels = new Map<number, Rel[]>();
  for (const s of sections) {
    if (s.type !== SHT_REL) continue;
    if (s.size % 16 !== 0) throw new BpfObjectError(`section ${s.name}: size ${s.size} is not a multiple of 16`);
    if (s.info >= sections.length) throw new BpfObjectError(`section ${s.name}: sh_info ${s.info} is not a section`);
    const list: Rel[] = [];
    for (let o = s.offset; o < s.offset + s.size; o += 16) {
      const info = num64(dv, o + 8, `section ${s.index} (${s.name}) r_info`);
      const rel = { offset: num64(dv, o, `section ${s.index} (${s.name}) r_offset`), type: info % 2 ** 32, sym: Math.floor(info / 2 ** 32) };
      if (rel.sym >= symbols.length) throw new BpfObjectError(`section ${s.name}: relocation at ${rel.offset} names symbol ${rel.sym}, the table has ${symbols.length}`);
      list.push(rel);
    }
    rels.set(s.info, list);
  }
  return { sections, symbols, rels };
}

function num64(dv: DataView, o: number, what: string): number {
  const v = dv.getBigUint64(o, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new BpfObjectError(`${what}: ${v} is too large`);
  return Number(v);
}

function cstr(file: Uint8Array, base: number, size: number, off: number, what: string): string {
  if (off >= size) throw new BpfObjectError(`${what}: string offset ${off} is past its table (${size} bytes)`);
  let end = base + off;
  const limit = Math.min(base + size, file.length);
  while (end < limit && file[end] !== 0) end++;
  if (end >= limit) throw new BpfObjectError(`${what}: string at ${off} is not terminated`);
  return new TextDecoder().decode(file.subarray(base + off, end));
}
