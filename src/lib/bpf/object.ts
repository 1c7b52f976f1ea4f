/**
 * Load programs from an ELF object as clang produces them (`clang -O2 -target bpf`), or from a
 * raw instruction array. What libbpf does, in small:
 *   - programs: SHF_EXECINSTR sections other than .text (`xdp`, `xdp/foo`, `socket`...);
 *     several functions in one section are several programs (by their global symbols);
 *   - maps: BTF-declared ones in `.maps` (sizes from .BTF), plus one single-value array per
 *     global-data section (.rodata read-only, .data, .bss) holding its initial bytes;
 *   - R_BPF_64_64 on LD_IMM64: a map symbol becomes (PSEUDO_MAP_FD, map index), a global
 *     variable becomes (PSEUDO_MAP_VALUE, map index, offset);
 *   - R_BPF_64_32 on a call: the .text function is appended to the program (once) and the
 *     call's offset points at it.
 * Everything read from the file is checked; a bad object is a BpfObjectError naming what.
 */
import { readElf, SHF_EXECINSTR, SHT_PROGBITS, SHT_NOBITS, R_BPF_64_64, R_BPF_64_32, R_BPF_64_ABS32, R_BPF_64_ABS64, type ElfFile, type Section } from './elf.js';
import { Btf, btfMapDefs } from './btf.js';
import { BpfObjectError } from './errors.js';
import { type Insn, decode, INSN_SIZE, LD_IMM64, PSEUDO_MAP_FD, PSEUDO_MAP_VALUE, PSEUDO_CALL, JMP, CALL } from './insn.js';
import { type MapSpec, type ProgramSpec, MapType, F_RDONLY_PROG } from './types.js';

export interface BpfObject {
  maps: MapSpec[];
  programs: ProgramSpec[];
  license: string;
}

const STT_FUNC = 2, STT_SECTION = 3, STB_GLOBAL = 1;
const DATA_SECTIONS = /^\.(rodata|data|bss)(\..*)?$/;

export function loadObject(file: Uint8Array): BpfObject {
  const elf = readElf(file);
  const licSec = elf.sections.find((s) => s.name === 'license');
  const license = licSec ? new TextDecoder().decode(licSec.data).replace(/\0.*$/s, '') : '';
  const btfSec = elf.sections.find((s) => s.name === '.BTF');
  const btf = btfSec ? new Btf(btfSec.data) : null;

  // Maps: .maps (BTF) then global data sections.
  const maps: MapSpec[] = [];
  const mapByOffset = new Map<number, number>();
  const mapsSec = elf.sections.find((s) => s.name === '.maps');
  if (mapsSec) {
    if (!btf) throw new BpfObjectError('.maps: the object has no .BTF section to declare the maps');
    // clang leaves the DATASEC offsets to the loader: the symbol table has them.
    const defs = btfMapDefs(btf);
    for (const y of elf.symbols) {
      if (y.shndx !== mapsSec.index || y.type === STT_SECTION || !y.name) continue;
      const d = defs.find((x) => x.name === y.name);
      if (!d) throw new BpfObjectError(`.maps: symbol ${y.name} has no BTF map definition`);
      d.offset = y.value;
    }
    for (const d of defs) {
      mapByOffset.set(d.offset, maps.length);
      maps.push({ name: d.name, type: d.type, keySize: d.keySize, valueSize: d.valueSize, maxEntries: d.maxEntries, flags: d.flags });
    }
  }
  if (elf.sections.some((s) => s.name === 'maps')) throw new BpfObjectError('section "maps": legacy map definitions are not supported; declare maps in ".maps" with BTF (libbpf\'s __uint/__type)');
  const dataMap = new Map<number, number>();
  for (const s of elf.sections) {
    if (!DATA_SECTIONS.test(s.name) || (s.type !== SHT_PROGBITS && s.type !== SHT_NOBITS) || s.size === 0) continue;
    dataMap.set(s.index, maps.length);
    maps.push({
      name: s.name, type: MapType.ARRAY, keySize: 4, valueSize: s.size, maxEntries: 1,
      flags: s.name.startsWith('.rodata') ? F_RDONLY_PROG : 0, initial: s.data.slice(), readonly: s.name.startsWith('.rodata'),
    });
  }

  const text = elf.sections.find((s) => s.name === '.text' && (s.flags & SHF_EXECINSTR));
  const programs: ProgramSpec[] = [];
  for (const s of elf.sections) {
    if (!(s.flags & SHF_EXECINSTR) || s.type !== SHT_PROGBITS || s.name === '.text' || s.size === 0) continue;
    if (s.size % INSN_SIZE !== 0) throw new BpfObjectError(`section ${s.name}: size ${s.size} is not a multiple of 8`);
    const entries = elf.symbols.filter((y) => y.shndx === s.index && y.type === STT_FUNC && y.bind === STB_GLOBAL).sort((a, b) => a.value - b.value);
    if (entries.length === 0) entries.push({ name: s.name, value: 0, size: s.size, type: STT_FUNC, bind: STB_GLOBAL, shndx: s.index });
    for (const e of entries) {
      const insns = link(elf, s, e.value, e.size || s.size - e.value, text, mapByOffset, dataMap, mapsSec, maps);
      programs.push({ name: e.name, section: s.name, insns, maps, license });
    }
  }
  if (programs.length === 0) throw new BpfObjectError('no program sections (SHF_EXECINSTR sections other than .text)');
  return { maps, programs, license };
}

/** One program: its instructions, .text appended when called, relocations applied. */
function link(elf: ElfFile, sec: Section, start: number, len: number, text: Section | undefined,
              mapByOffset: Map<number, number>, dataMap: Map<number, number>, mapsSec: Section | undefined, maps: MapSpec[]): Insn[] {
  if (start % 8 !== 0 || len % 8 !== 0 || start + len > sec.size) throw new BpfObjectError(`section ${sec.name}: function at ${start} size ${len} is not inside the section`);
  const insns = decode(sec.data.subarray(start, start + len));
  let textBase = -1;
  const relocate = (target: Section, base: number, fromByte: number, toByte: number) => {
    for (const r of elf.rels.get(target.index) ?? []) {
      if (r.offset < fromByte || r.offset >= toByte) continue;
      if (r.offset % 8 !== 0) throw new BpfObjectError(`section ${target.name}: relocation at ${r.offset} is not on an instruction`);
      const pc = base + (r.offset - fromByte) / 8;
      const insn = insns[pc]!;
      const sym = elf.symbols[r.sym]!;
      const where = `section ${target.name} relocation at ${r.offset} (${sym.name || 'section symbol'})`;
      if (r.type === R_BPF_64_64) {
        if (insn.op !== LD_IMM64 || pc + 1 >= insns.length) throw new BpfObjectError(`${where}: R_BPF_64_64 not on an LD_IMM64`);
        if (mapsSec && sym.shndx === mapsSec.index) {
          const m = mapByOffset.get(sym.value);
          if (m === undefined) throw new BpfObjectError(`${where}: no map at .maps offset ${sym.value}`);
          insn.src = PSEUDO_MAP_FD; insn.imm = m;
        } else if (dataMap.has(sym.shndx)) {
          const m = dataMap.get(sym.shndx)!;
          const off = (sym.type === STT_SECTION ? insn.imm : 0) + sym.value;
          if (off < 0 || off >= maps[m]!.valueSize) throw new BpfObjectError(`${where}: offset ${off} is outside ${maps[m]!.name}`);
          insn.src = PSEUDO_MAP_VALUE; insn.imm = m; insns[pc + 1]!.imm = off;
        } else {
          const name = elf.sections[sym.shndx]?.name ?? `#${sym.shndx}`;
          throw new BpfObjectError(`${where}: refers to section ${name}, which is neither .maps nor global data`);
        }
      } else if (r.type === R_BPF_64_32) {
        if (insn.op !== (JMP | CALL) || insn.src !== PSEUDO_CALL) throw new BpfObjectError(`${where}: R_BPF_64_32 not on a bpf-to-bpf call`);
        if (!text || sym.shndx !== text.index) {
          if (sym.shndx === sec.index) continue; // a call inside this section: already relative
          throw new BpfObjectError(`${where}: calls into section ${elf.sections[sym.shndx]?.name}, only .text is supported`);
        }
        if (textBase < 0) { textBase = insns.length; insns.push(...decode(text.data)); }
        // libbpf's rule for both section and function symbols: the callee's slot in .text.
        const callee = textBase + sym.value / 8 + insn.imm + 1;
        if (callee < textBase || callee >= insns.length) throw new BpfObjectError(`${where}: call target outside .text`);
        insn.imm = callee - (pc + 1);
      } else if (r.type === R_BPF_64_ABS32 || r.type === R_BPF_64_ABS64) {
        continue; // debug info only
      } else {
        throw new BpfObjectError(`${where}: unsupported relocation type ${r.type}`);
      }
    }
  };
  relocate(sec, 0, start, start + len);
  // Calls inside .text resolve against the copy appended above (possibly appending nothing new).
  if (text) {
    const before = textBase;
    if (before >= 0) relocate(text, before, 0, text.size);
  }
  // A call from .text relative to .text needs no change: the whole section is appended as is.
  return insns;
}

/** A program from raw instructions (8-byte little-endian slots), with its maps. */
export function programFromBytes(bytes: Uint8Array, maps: MapSpec[] = [], name = 'prog'): ProgramSpec {
  return { name, section: 'raw', insns: decode(bytes), maps, license: 'GPL' };
}
