/**
 * The small program that sends an interface's frames to Sluice's AF_XDP socket, built here
 * as bytecode and loaded with bpf(): no clang, no libbpf, no bpftool.
 *
 *   r2 = ctx->rx_queue_index
 *   r1 = &xsks            (an XSKMAP: queue -> socket)
 *   r3 = XDP_PASS         (frames of a queue without a socket go to the kernel stack)
 *   return bpf_redirect_map(xsks, r2, r3)
 *
 * Attached through a BPF link: the kernel detaches it when the link's last fd closes, so
 * the interface is left clean even when Sluice is killed.
 */
import { KernelProgram } from '../../lib/bpf/kernel.js';
import { MapType, Helper, XdpAction } from '../../lib/bpf/types.js';
import { LDX, MEM, W, LD_IMM64, PSEUDO_MAP_FD, ALU64, MOV, K, JMP, CALL, EXIT, type Insn } from '../../lib/bpf/insn.js';
import { u32le } from '../../lib/bpf/maps.js';
import { bpfMapUpdate, bpfXdpLink, bpfProgId } from '../../sys/bpf.js';
import { closeFd } from '../../sys/memory.js';

export function redirectInsns(): Insn[] {
  return [
    { op: LDX | MEM | W, dst: 2, src: 1, off: 16, imm: 0 },
    { op: LD_IMM64, dst: 1, src: PSEUDO_MAP_FD, off: 0, imm: 0 }, { op: 0, dst: 0, src: 0, off: 0, imm: 0 },
    { op: ALU64 | MOV | K, dst: 3, src: 0, off: 0, imm: XdpAction.PASS },
    { op: JMP | CALL, dst: 0, src: 0, off: 0, imm: Helper.REDIRECT_MAP },
    { op: JMP | EXIT, dst: 0, src: 0, off: 0, imm: 0 },
  ];
}

export class XskRedirect {
  readonly prog: KernelProgram;
  readonly link: number;
  readonly progId: number;
  constructor(ifindex: number, queue: number, xskFd: number, queues: number) {
    this.prog = new KernelProgram({
      name: 'sluice_xsk', section: 'xdp', license: 'GPL', insns: redirectInsns(),
      maps: [{ name: 'sluice_xsks', type: MapType.XSKMAP, keySize: 4, valueSize: 4, maxEntries: Math.max(queues, queue + 1), flags: 0 }],
    });
    try {
      bpfMapUpdate(this.prog.mapFds[0]!, u32le(queue), u32le(xskFd));
      this.link = bpfXdpLink(this.prog.fd, ifindex);
      this.progId = bpfProgId(this.prog.fd);
    } catch (e) {
      this.prog.close();
      throw e;
    }
  }
  close(): void {
    closeFd(this.link);
    this.prog.close();
  }
}
