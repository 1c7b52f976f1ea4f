/**
 * Maps as programs see them: values live in one byte array per map (`values`), and a lookup
 * returns the offset of the value in it (0 = NULL: the first 8 bytes are never a value), so
 * compiled code addresses a value as `values[offset + k]` with no object per lookup.
 * Keys and values are passed as (bytes, offset) pairs, straight from the program's stack,
 * a map value or the packet. Storage is a SharedArrayBuffer so engines can map one store.
 *
 *   array, percpu_array  index = u32 key; update of an existing key only (BPF_NOEXIST: EEXIST)
 *   hash, lru_hash       open addressing (linear probing, tombstones) over 2x max_entries
 *                        slots; a full hash refuses (E2BIG), a full LRU evicts the least
 *                        recently used entry
 *   devmap, devmap_hash, xskmap  key -> u32 (an ifindex / Sluice port, or a socket), for redirects
 *
 * Shared between engines (one program on several worker engines, apps/bpf): everything a map
 * is lives in SharedArrayBuffers, which `handle()` hands to another thread and `createMap(spec,
 * cpus, handle)` maps there. Hash updates and deletes take a spin lock in the map's shared
 * header (lookups take none: the kernel's are lock-free too); a per-CPU array has one copy per
 * engine (`cpu`); values are written in place (as the kernel does without BPF_F_LOCK), and the
 * compiled code makes atomic instructions on map values Atomics (compiler.ts).
 */
import { type MapSpec, MapType, MAP_TYPE_NAMES } from './types.js';
import { BpfError } from './errors.js';

export const ANY = 0, NOEXIST = 1, EXIST = 2;
const EEXIST = -17, ENOENT = -2, E2BIG = -7, EINVAL = -22;

const align8 = (n: number) => (n + 7) & ~7;

/** A map's memory, for another engine to work on the same map (structured-cloneable: shared, not copied). */
export interface MapHandle { spec: MapSpec; cpus: number; buffers: SharedArrayBuffer[] }

/** The next shared buffer of a handle, or a new one. */
class Buffers {
  private k = 0;
  readonly all: SharedArrayBuffer[] = [];
  constructor(private readonly from?: MapHandle) {}
  next(bytes: number): SharedArrayBuffer {
    const b = this.from ? this.from.buffers[this.k++] : new SharedArrayBuffer(bytes);
    if (!b || b.byteLength !== bytes) throw new BpfError('map handle does not match the map');
    this.all.push(b);
    return b;
  }
}

export abstract class BpfMap {
  readonly values: Uint8Array;
  readonly stride: number;
  protected readonly mem: Buffers;
  constructor(readonly spec: MapSpec, slots: number, readonly cpus: number, from?: MapHandle) {
    this.stride = align8(spec.valueSize);
    this.mem = new Buffers(from);
    this.values = new Uint8Array(this.mem.next(8 + slots * this.stride));
  }
  /** The shared memory of this map (see MapHandle). */
  handle(): MapHandle { return { spec: this.spec, cpus: this.cpus, buffers: [...this.mem.all] }; }
  get name(): string { return this.spec.name; }
  get typeName(): string { return MAP_TYPE_NAMES[this.spec.type] ?? String(this.spec.type); }
  /** Offset of the value for key in `values`, or 0. */
  abstract lookup(key: Uint8Array, keyOff: number): number;
  /** 0 or a negative errno, as the helper returns. */
  abstract update(key: Uint8Array, keyOff: number, val: Uint8Array, valOff: number, flags: number): number;
  abstract delete(key: Uint8Array, keyOff: number): number;
  /** Keys in storage order (control path). */
  abstract keys(): Uint8Array[];
  /** The value bytes for a key, all CPUs' copies for per-CPU maps (control path). */
  get(key: Uint8Array): Uint8Array | undefined {
    const o = this.lookup(key, 0);
    return o === 0 ? undefined : this.values.slice(o, o + this.spec.valueSize);
  }
  protected checkFlags(flags: number): boolean { return flags === ANY || flags === NOEXIST || flags === EXIST; }
}

class ArrayMap extends BpfMap {
  constructor(spec: MapSpec, cpus = 1, from?: MapHandle) {
    super(spec, spec.maxEntries * cpus, cpus, from);
    if (spec.keySize !== 4) throw new BpfError(`map ${spec.name}: array keys are 4 bytes, not ${spec.keySize}`);
    if (spec.initial && !from) this.values.set(spec.initial.subarray(0, spec.valueSize), 8);
  }
  /** The CPU (engine) whose copy programs see (per-CPU arrays). */
  cpu = 0;
  protected index(key: Uint8Array, off: number): number {
    return (key[off]! | (key[off + 1]! << 8) | (key[off + 2]! << 16) | (key[off + 3]! << 24)) >>> 0;
  }
  lookup(key: Uint8Array, keyOff: number): number {
    const i = this.index(key, keyOff);
    if (i >= this.spec.maxEntries) return 0;
    return 8 + (this.cpu * this.spec.maxEntries + i) * this.stride;
  }
  update(key: Uint8Array, keyOff: number, val: Uint8Array, valOff: number, flags: number): number {
    if (!this.checkFlags(flags)) return EINVAL;
    const i = this.index(key, keyOff);
    if (i >= this.spec.maxEntries) return E2BIG;
    if (flags === NOEXIST) return EEXIST;
    const o = 8 + (this.cpu * this.spec.maxEntries + i) * this.stride;
    copy(val, valOff, this.values, o, this.spec.valueSize);
    return 0;
  }
  delete(): number { return EINVAL; }
  keys(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let i = 0; i < this.spec.maxEntries; i++) out.push(u32le(i));
    return out;
  }
  /** Per-CPU maps: every CPU's value, concatenated (as the kernel's lookup returns them). */
  getAll(key: Uint8Array): Uint8Array | undefined {
    const i = this.index(key, 0);
    if (i >= this.spec.maxEntries) return undefined;
    const out = new Uint8Array(this.cpus * this.spec.valueSize);
    for (let c = 0; c < this.cpus; c++) {
      const o = 8 + (c * this.spec.maxEntries + i) * this.stride;
      out.set(this.values.subarray(o, o + this.spec.valueSize), c * this.spec.valueSize);
    }
    return out;
  }
  /** Control path update of one CPU's copy (per-CPU) or the value. */
  set(key: Uint8Array, val: Uint8Array, cpu = 0): number {
    const saved = this.cpu;
    this.cpu = cpu;
    const r = this.update(key, 0, val, 0, ANY);
    this.cpu = saved;
    return r;
  }
}

const EMPTY = 0, USED = 1, GONE = 2;
/** The shared header of a hash map: lock word, entry count. */
const LOCK = 0, COUNT = 1;

class HashMap extends BpfMap {
  private readonly cap: number;
  private readonly mask: number;
  private readonly keyStore: Uint8Array;
  private readonly state: Uint8Array;
  private readonly meta: Int32Array;
  /** Last use per slot (LRU), from a clock kept in the last element. */
  private readonly used: Float64Array;
  constructor(spec: MapSpec, readonly lru: boolean, from?: MapHandle) {
    let cap = 8;
    while (cap < spec.maxEntries * 2) cap *= 2;
    super(spec, cap, 1, from);
    this.cap = cap;
    this.mask = cap - 1;
    this.keyStore = new Uint8Array(this.mem.next(cap * spec.keySize));
    this.state = new Uint8Array(this.mem.next(cap));
    this.meta = new Int32Array(this.mem.next(8));
    this.used = new Float64Array(this.mem.next(lru ? 8 * (cap + 1) : 8));
  }
  private lock(): void { while (Atomics.compareExchange(this.meta, LOCK, 0, 1) !== 0) { /* another engine's update: a few instructions */ } }
  private unlock(): void { Atomics.store(this.meta, LOCK, 0); }
  private touch(s: number): void { const c = this.cap; this.used[s] = ++this.used[c]!; }
  private hash(key: Uint8Array, off: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < this.spec.keySize; i++) h = Math.imul(h ^ key[off + i]!, 0x01000193);
    h ^= h >>> 15;
    return h & this.mask;
  }
  private same(slot: number, key: Uint8Array, off: number): boolean {
    const ks = this.spec.keySize, base = slot * ks, store = this.keyStore;
    for (let i = 0; i < ks; i++) if (store[base + i] !== key[off + i]) return false;
    return true;
  }
  /** Slot holding key, or -1. */
  private find(key: Uint8Array, off: number): number {
    let s = this.hash(key, off);
    for (let n = 0; n < this.cap; n++) {
      const st = this.state[s];
      if (st === EMPTY) return -1;
      if (st === USED && this.same(s, key, off)) return s;
      s = (s + 1) & this.mask;
    }
    return -1;
  }
  lookup(key: Uint8Array, keyOff: number): number {
    const s = this.find(key, keyOff);
    if (s < 0) return 0;
    if (this.lru) this.touch(s);
    return 8 + s * this.stride;
  }
  update(key: Uint8Array, keyOff: number, val: Uint8Array, valOff: number, flags: number): number {
    if (!this.checkFlags(flags)) return EINVAL;
    this.lock();
    try {
      let s = this.find(key, keyOff);
      if (s >= 0) {
        if (flags === NOEXIST) return EEXIST;
        copy(val, valOff, this.values, 8 + s * this.stride, this.spec.valueSize);
      } else {
        if (flags === EXIST) return ENOENT;
        if (this.meta[COUNT]! >= this.spec.maxEntries) {
          if (!this.lru) return E2BIG;
          this.evict();
        }
        s = this.hash(key, keyOff);
        while (this.state[s] === USED) s = (s + 1) & this.mask;
        // Key and value first, then the slot is published: a lock-free lookup never sees a half-made entry.
        copy(key, keyOff, this.keyStore, s * this.spec.keySize, this.spec.keySize);
        copy(val, valOff, this.values, 8 + s * this.stride, this.spec.valueSize);
        Atomics.store(this.state, s, USED);
        this.meta[COUNT]++;
      }
      if (this.lru) this.touch(s);
      return 0;
    } finally { this.unlock(); }
  }
  delete(key: Uint8Array, keyOff: number): number {
    this.lock();
    try {
      const s = this.find(key, keyOff);
      if (s < 0) return ENOENT;
      this.state[s] = this.state[(s + 1) & this.mask] === EMPTY ? EMPTY : GONE;
      this.meta[COUNT]--;
      return 0;
    } finally { this.unlock(); }
  }
  private evict(): void {
    let victim = -1, oldest = Infinity;
    for (let s = 0; s < this.cap; s++) if (this.state[s] === USED && this.used[s]! < oldest) { oldest = this.used[s]!; victim = s; }
    if (victim >= 0) { this.state[victim] = GONE; this.meta[COUNT]--; }
  }
  keys(): Uint8Array[] {
    const out: Uint8Array[] = [];
    const ks = this.spec.keySize;
    for (let s = 0; s < this.cap; s++) if (this.state[s] === USED) out.push(this.keyStore.slice(s * ks, s * ks + ks));
    return out;
  }
  get size(): number { return this.meta[COUNT]!; }
}

/** Redirect targets: key -> u32 (devmap: ifindex or port; xskmap: socket). 0 = no entry. */
class RedirectMap extends ArrayMap {
  constructor(spec: MapSpec, from?: MapHandle) {
    super({ ...spec, keySize: 4 }, 1, from);
    if (spec.valueSize !== 4 && spec.valueSize !== 8) throw new BpfError(`map ${spec.name}: redirect map values are 4 or 8 bytes, not ${spec.valueSize}`);
  }
  /** The u32 target for key, or -1 when none. */
  target(key: number): number {
    if (key >>> 0 >= this.spec.maxEntries) return -1;
    const o = 8 + key * this.stride, v = this.values;
    const t = (v[o]! | (v[o + 1]! << 8) | (v[o + 2]! << 16) | (v[o + 3]! << 24)) >>> 0;
    return t === 0 && this.spec.type !== MapType.XSKMAP ? -1 : t;
  }
  override keys(): Uint8Array[] { return super.keys().filter((k) => this.target(k[0]! | (k[1]! << 8) | (k[2]! << 16) | (k[3]! << 24)) >= 0); }
}

export type AnyMap = BpfMap;
export { ArrayMap, HashMap, RedirectMap };

/** Memory one map may take (values, keys and slots): a bound on what an object can make Sluice allocate. */
export const MAX_MAP_BYTES = 256 << 20;

/** A map of `spec` (per-CPU arrays: one copy per engine, `cpus`), or the map `from` another engine made. */
export function createMap(spec: MapSpec, cpus = 1, from?: MapHandle): BpfMap {
  if (from) cpus = from.cpus;
  if (!(spec.keySize > 0 && spec.keySize <= 512)) throw new BpfError(`map ${spec.name}: key size ${spec.keySize} is not in 1..512`);
  if (!(spec.valueSize > 0 && spec.valueSize <= 65536)) throw new BpfError(`map ${spec.name}: value size ${spec.valueSize} is not in 1..65536`);
  if (!(spec.maxEntries > 0 && spec.maxEntries <= 1 << 20)) throw new BpfError(`map ${spec.name}: max_entries ${spec.maxEntries} is not in 1..1048576`);
  const slots = spec.type === MapType.HASH || spec.type === MapType.LRU_HASH ? 2 * spec.maxEntries : spec.maxEntries * cpus;
  const bytes = slots * (align8(spec.valueSize) + spec.keySize + 9);
  if (bytes > MAX_MAP_BYTES) throw new BpfError(`map ${spec.name}: ${spec.maxEntries} entries of ${spec.keySize}+${spec.valueSize} bytes need ${bytes} bytes, over the ${MAX_MAP_BYTES} Sluice allows per map`);
  switch (spec.type) {
    case MapType.ARRAY: return new ArrayMap(spec, 1, from);
    case MapType.PERCPU_ARRAY: return new ArrayMap(spec, cpus, from);
    case MapType.HASH: return new HashMap(spec, false, from);
    case MapType.LRU_HASH: return new HashMap(spec, true, from);
    case MapType.DEVMAP: case MapType.DEVMAP_HASH: case MapType.XSKMAP: return new RedirectMap(spec, from);
    default: throw new BpfError(`map ${spec.name}: type ${spec.type} is not supported (hash, array, percpu_array, lru_hash, devmap, xskmap)`);
  }
}

function copy(src: Uint8Array, so: number, dst: Uint8Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] = src[so + i]!;
}

export function u32le(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
}
