export declare const IFF_UP = 1, IFF_BROADCAST = 2, IFF_RUNNING = 64, IFF_PROMISC = 256, IFF_MULTICAST = 4096;
/** IFNAMSIZ - 1: the longest interface name Linux accepts. */
export declare const IFNAMSIZ = 16;
/** sizeof(struct ifreq) on 64-bit Linux. */
export declare const IFREQ_SIZE = 40;
/** Throw RangeError unless `name` is a legal interface name (dev_valid_name in the kernel). */
export declare function checkIfName(name: string): void;
/** A zeroed ifreq with `name` in ifr_name. Allocates. */
export declare function ifreq(name: string): Uint8Array;
/** Interface index, or 0 when the interface does not exist in this namespace. */
export declare function ifIndex(name: string): number;
/** IFF_* flags (low 16 bits). Throws SysError (ENODEV with a clear message) if absent. */
export declare function ifFlags(name: string): number;
/** Set the IFF_* flags (needs CAP_NET_ADMIN: EPERM otherwise). */
export declare function setIfFlags(name: string, flags: number): void;
/** Bring the interface up (or down); no-op when it already is. */
export declare function setIfUp(name: string, up: boolean): void;
/** MTU in bytes. */
export declare function ifMtu(name: string): number;
/** Hardware address as text. */
export declare function ifMac(name: string): string;
/** Offloads by their `ethtool -k` short names; each maps to a legacy SIOCETHTOOL get/set pair. */
export type Offload = 'tx-checksum' | 'sg' | 'tso' | 'gso' | 'gro';
/** Whether offload `o` is on (SIOCETHTOOL, as `ethtool -k`). */
export declare function ifOffload(name: string, o: Offload): boolean;
/** Turn offload `o` on or off (SIOCETHTOOL, as `ethtool -K`; needs CAP_NET_ADMIN). */
export declare function setIfOffload(name: string, o: Offload, on: boolean): void;
