/**
 * The packet a program runs on (the kernel's xdp_buff): a byte array and the offsets of the
 * data, its end and the limits that xdp_adjust_head/tail may move them to, plus what the
 * program asked for with a redirect. One object per program instance, reused for every
 * packet (fields rewritten, never reallocated).
 */
import type { BpfMap } from './maps.js';

/** sizeof(struct xdp_frame): the kernel keeps it at the top of the headroom. */
export const XDP_FRAME_SIZE = 40;
/** The kernel's XDP_PACKET_HEADROOM and skb_shared_info tailroom (BPF_PROG_TEST_RUN geometry). */
export const XDP_PACKET_HEADROOM = 256;
export const XDP_TAILROOM = 320;
export const ETH_HLEN = 14;

export class XdpBuff {
  data: Uint8Array = new Uint8Array(0);
  dv: DataView = new DataView(new ArrayBuffer(0));
  /** Offsets into `data`. */
  start = 0;
  end = 0;
  /** Lowest start adjust_head may reach; highest end adjust_tail may reach. */
  minStart = 0;
  maxEnd = 0;
  ingressIfindex = 1;
  rxQueue = 0;
  /** After XDP_REDIRECT: the map and the target it named (-1: none). */
  redirectMap: BpfMap | null = null;
  redirectTarget = -1;
  /** Runs aborted by a packet access outside [data, data_end) (a verifier gap: never expected). */
  faults = 0;
  /** Set the buffer (once per pool or test buffer). */
  attach(data: Uint8Array): void {
    if (this.data !== data) {
      this.data = data;
      this.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    }
  }
  /** Frame a packet at [start, end) that may grow to [minStart, maxEnd). */
  frame(start: number, end: number, minStart: number, maxEnd: number): void {
    this.start = start;
    this.end = end;
    this.minStart = minStart;
    this.maxEnd = maxEnd;
    this.redirectMap = null;
    this.redirectTarget = -1;
  }
  get length(): number { return this.end - this.start; }
}
