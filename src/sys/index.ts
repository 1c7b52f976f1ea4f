/**
 * The OS layer: the only part of Sluice that makes syscalls (through koffi). No policy here:
 * each function does one call (or a fixed sequence) and throws SysError on failure.
 */
export { SysError, errnoName } from './errors.js';
export { createSharedRegion, mapFd, closeFd, dupFd, hugetlbfsMounts, MappedRegion, SharedRegion } from './memory.js';
export type { Backing, RegionOptions } from './memory.js';
export { eventfd, eventfdRead, eventfdWrite } from './eventfd.js';
export { unixListen, unixAccept, unixConnect, socketPair, sendMsg, recvMsg, setNonBlocking, MAX_FDS } from './unix-socket.js';
export type { SocketType, Received, ListenOptions } from './unix-socket.js';
export { Epoll, EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, EPOLLONESHOT } from './epoll.js';
export { Poller, poller } from './poller.js';
export { LoopWatch } from './loop-watch.js';
export { setThreadAffinity, getThreadAffinity, threadId, cpuCount } from './affinity.js';
export { unixListenAbstract, unixConnectAbstract } from './unix-abstract.js';
export { createSealedMemfd, fileSeals, fileSize, F_SEAL_SHRINK, F_SEAL_GROW, F_SEAL_SEAL, F_SEAL_WRITE } from './memfd-seals.js';
export { checkIfName, ifIndex, ifFlags, setIfFlags, setIfUp, ifMtu, ifMac, ifOffload, setIfOffload, IFF_UP, IFF_RUNNING, IFF_PROMISC, type Offload } from './netdev.js';
export { addressOf, readAt, writeAt, readvAt, writevAt, IoVecs } from './fd-io.js';
export { openTap, MAX_TAP_QUEUES, type TapDevice, type TapOptions } from './tap.js';
export { openPacketSocket, openPacketSender, kickTx, readStats, PacketSocket, FANOUT_MODES, type FanoutMode, type PacketSocketOptions } from './packet-socket.js';
export { tryLockExclusive } from './flock.js';
export { peerCred, type PeerCred } from './peercred.js';
export {
  bpfMapCreate, bpfMapUpdate, bpfMapLookup, bpfMapDelete, bpfMapKeys, bpfMapFreeze, bpfProgLoad, bpfProgTestRun,
  bpfXdpLink, bpfProgId, bpfObjGet, BPF_PROG_TYPE_XDP, XDP_FLAGS_SKB_MODE, XDP_FLAGS_DRV_MODE, type KernelMapSpec, type TestRun,
} from './bpf.js';
export { openXsk, xskKickTx, xskKickRx, xskStatistics, XskSocket, XskRing, XDP_COPY, XDP_ZEROCOPY, XDP_RING_NEED_WAKEUP, type XskOptions, type XdpStatistics } from './xsk.js';
