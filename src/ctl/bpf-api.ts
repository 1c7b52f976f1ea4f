/**
 * The daemon's view of XDP programs (API methods bpf.*): what is attached where, and the
 * programs' maps read and written from outside. A key or value is given as `0x` and hex
 * bytes in memory order ("0x0a000001"), or as a decimal number for up to 8 bytes, taken as
 * a little-endian unsigned integer of that size (as the C program sees it on x86-64). Dumps
 * show hex bytes (without 0x) and, for up to 8 bytes, the integer.
 */
import type { Engine } from '../core/engine.js';
import { BpfApp } from '../apps/bpf/bpf-app.js';
import { ApiError } from './api-server.js';
import { ArrayMap, ANY, NOEXIST, EXIST } from '../lib/bpf/maps.js';
import { MapType } from '../lib/bpf/types.js';

export const BPF_FLAGS = { any: ANY, noexist: NOEXIST, exist: EXIST } as const;

function appFor(engine: Engine, port: string): BpfApp {
  for (const a of engine.apps.values()) if (a instanceof BpfApp && a.args.port === port) return a;
  throw new ApiError('not-found', `no XDP program on port ${port}`);
}

function mapOf(engine: Engine, port: string, name: string) {
  const app = appFor(engine, port);
  const m = app.program.maps.find((x) => x.name === name);
  if (!m) throw new ApiError('not-found', `program ${app.program.name} on ${port} has no map "${name}" (maps: ${app.program.maps.map((x) => x.name).join(', ')})`);
  return m;
}

/** Hex or a decimal number of `size` bytes (little-endian) → bytes; ApiError naming `what`. */
export function parseBytes(text: string, size: number, what: string): Uint8Array {
  if (/^\d+$/.test(text) && size <= 8) {
    const v = BigInt(text);
    if (v >= 1n << BigInt(size * 8)) throw new ApiError('invalid', `${what}: ${text} does not fit in ${size} bytes`);
    const b = new Uint8Array(size);
    for (let i = 0; i < size; i++) b[i] = Number((v >> BigInt(8 * i)) & 0xffn);
    return b;
  }
  const h = /^0x/i.test(text) ? text.slice(2).replace(/[\s:]/g, '') : '';
  if (!/^([0-9a-fA-F]{2})+$/.test(h)) throw new ApiError('invalid', `${what}: "${text}" is neither 0x and hex bytes nor a decimal number${size > 8 ? ` (a ${size}-byte ${what} needs hex)` : ''}`);
  if (h.length / 2 !== size) throw new ApiError('invalid', `${what}: ${h.length / 2} bytes given, the map's ${what} is ${size} bytes`);
  return Uint8Array.from(Buffer.from(h, 'hex'));
}

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const asInt = (b: Uint8Array) => (b.length <= 8 ? Number(b.reduceRight((a, x) => (a << 8n) | BigInt(x), 0n)) : undefined);

export function bpfShow(engine: Engine): unknown[] {
  const out: unknown[] = [];
  for (const a of engine.apps.values()) if (a instanceof BpfApp) out.push({ attach: `${a.args.port} rx`, ...((a.report() as { bpf: object }).bpf) });
  return out;
}

export function bpfMapDump(engine: Engine, p: { port: string; map: string }): unknown {
  const m = mapOf(engine, p.port, p.map);
  const entries = m.keys().map((k) => {
    const v = m.spec.type === MapType.PERCPU_ARRAY ? (m as ArrayMap).getAll(k)! : m.get(k)!;
    return { key: hex(k), value: hex(v), ...(asInt(k) !== undefined ? { keyInt: asInt(k) } : {}), ...(asInt(v) !== undefined && Number.isSafeInteger(asInt(v)) ? { valueInt: asInt(v) } : {}) };
  });
  return { port: p.port, map: m.name, type: m.typeName, keySize: m.spec.keySize, valueSize: m.spec.valueSize, maxEntries: m.spec.maxEntries, entries };
}

export function bpfMapUpdate(engine: Engine, p: { port: string; map: string; key: string; value: string; flags?: keyof typeof BPF_FLAGS }): unknown {
  const m = mapOf(engine, p.port, p.map);
  if (m.spec.readonly) throw new ApiError('invalid', `map ${m.name} is read-only (.rodata)`);
  const k = parseBytes(p.key, m.spec.keySize, 'key'), v = parseBytes(p.value, m.spec.valueSize, 'value');
  const r = m.update(k, 0, v, 0, BPF_FLAGS[p.flags ?? 'any']);
  if (r !== 0) throw new ApiError(r === -17 ? 'exists' : r === -2 ? 'not-found' : 'invalid', `map ${m.name} update: ${({ [-17]: 'the key exists (noexist)', [-2]: 'no such key (exist)', [-7]: 'the map is full or the key is out of range' } as Record<number, string>)[r] ?? `error ${r}`}`);
  return { updated: hex(k) };
}

export function bpfMapDelete(engine: Engine, p: { port: string; map: string; key: string }): unknown {
  const m = mapOf(engine, p.port, p.map);
  const k = parseBytes(p.key, m.spec.keySize, 'key');
  const r = m.delete(k, 0);
  if (r === -22) throw new ApiError('invalid', `map ${m.name} is an ${m.typeName}: its entries cannot be deleted`);
  if (r !== 0) throw new ApiError('not-found', `map ${m.name} has no key ${hex(k)}`);
  return { deleted: hex(k) };
}
