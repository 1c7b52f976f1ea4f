/** Shapes shared by the loader, verifier and both executors. */
import type { Insn } from './insn.js';

export const MapType = {
  HASH: 1, ARRAY: 2, PERCPU_ARRAY: 6, LRU_HASH: 9, DEVMAP: 14, XSKMAP: 17, DEVMAP_HASH: 25,
} as const;
export const MAP_TYPE_NAMES: Record<number, string> = {
  1: 'hash', 2: 'array', 6: 'percpu_array', 9: 'lru_hash', 14: 'devmap', 17: 'xskmap', 25: 'devmap_hash',
};

/** BPF_F_RDONLY_PROG: the program may not write (.rodata). */
export const F_RDONLY_PROG = 1 << 7;

export interface MapSpec {
  name: string;
  type: number;
  keySize: number;
  valueSize: number;
  maxEntries: number;
  flags: number;
  /** Initial contents of the one value of a global-data map (.rodata/.data/.bss). */
  initial?: Uint8Array;
  /** .rodata: frozen after load; programs may only read it. */
  readonly?: boolean;
}

/** A program ready to verify: all functions linked into one array; LD_IMM64 map references hold map indices. */
export interface ProgramSpec {
  name: string;
  section: string;
  insns: Insn[];
  /** Indices into the object's maps that this program references. */
  maps: MapSpec[];
  license: string;
}

export const XdpAction = { ABORTED: 0, DROP: 1, PASS: 2, TX: 3, REDIRECT: 4 } as const;
export const XDP_ACTION_NAMES = ['aborted', 'drop', 'pass', 'tx', 'redirect'];

export const Helper = {
  MAP_LOOKUP_ELEM: 1, MAP_UPDATE_ELEM: 2, MAP_DELETE_ELEM: 3, KTIME_GET_NS: 5, GET_PRANDOM_U32: 7,
  REDIRECT: 23, CSUM_DIFF: 28, XDP_ADJUST_HEAD: 44, REDIRECT_MAP: 51, XDP_ADJUST_TAIL: 65, FIB_LOOKUP: 69,
  XDP_LOAD_BYTES: 189, XDP_STORE_BYTES: 190,
} as const;
export const HELPER_NAMES: Record<number, string> = Object.fromEntries(Object.entries(Helper).map(([k, v]) => [v, k.toLowerCase()]));

/** struct xdp_md field offsets. */
export const XdpMd = { DATA: 0, DATA_END: 4, DATA_META: 8, INGRESS_IFINDEX: 12, RX_QUEUE_INDEX: 16, EGRESS_IFINDEX: 20 } as const;

export const STACK_SIZE = 512;
export const MAX_CALL_FRAMES = 8;
