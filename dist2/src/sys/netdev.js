/**
 * Network interfaces by name (the `ifreq` ioctls on a datagram socket): index, flags
 * (up/running/promiscuous), MTU and MAC. Used by the TAP and AF_PACKET ports to set a device
 * up and to notice it going down, away or coming back. Control path only; every call works
 * in the calling thread's network namespace.
 *
 *   checkIfName(name)         throws RangeError unless `name` is a legal Linux interface name
 *   ifIndex(name)             index, or 0 when no such interface (ENODEV); throws SysError otherwise
 *   ifFlags(name) / setIfFlags(name, flags)     the 16 `IFF_*` bits of SIOC[GS]IFFLAGS
 *   setIfUp(name, up)         set or clear IFF_UP
 *   ifMtu(name), ifMac(name)  SIOCGIFMTU, SIOCGIFHWADDR (as "aa:bb:cc:dd:ee:ff")
 *   ifOffload(name, o) / setIfOffload(name, o, on)   tso, gso, gro, sg, tx-checksum (SIOCETHTOOL)
 */
import { k, fn, errno } from './libc.js';
import { SysError } from './errors.js';
const libc = k.load('libc.so.6');
const ioctlBuf = libc.func('int ioctl(int fd, unsigned long req, _Inout_ uint8_t *arg)');
export const IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_RUNNING = 0x40, IFF_PROMISC = 0x100, IFF_MULTICAST = 0x1000;
const SIOCGIFFLAGS = 0x8913, SIOCSIFFLAGS = 0x8914, SIOCGIFMTU = 0x8921, SIOCGIFHWADDR = 0x8927, SIOCGIFINDEX = 0x8933;
const AF_INET = 2, SOCK_DGRAM = 2, SOCK_CLOEXEC = 0o2000000;
const ENODEV = 19;
/** IFNAMSIZ - 1: the longest interface name Linux accepts. */
export const IFNAMSIZ = 16;
/** sizeof(struct ifreq) on 64-bit Linux. */
export const IFREQ_SIZE = 40;
/** Throw RangeError unless `name` is a legal interface name (dev_valid_name in the kernel). */
export function checkIfName(name) {
    if (typeof name !== 'string' || name === '')
        throw new RangeError('interface name is empty');
    const b = Buffer.from(name);
    if (b.length >= IFNAMSIZ)
        throw new RangeError(`interface name "${name}" is ${b.length} bytes, the limit is ${IFNAMSIZ - 1}`);
    if (name === '.' || name === '..')
        throw new RangeError(`interface name "${name}" is not allowed`);
    if (/[/:\s]/.test(name))
        throw new RangeError(`interface name "${name}" contains '/', ':' or whitespace`);
}
/** A zeroed ifreq with `name` in ifr_name. Allocates. */
export function ifreq(name) {
    checkIfName(name);
    const r = new Uint8Array(IFREQ_SIZE);
    r.set(Buffer.from(name), 0);
    return r;
}
let ctlFd = -1;
/** A datagram socket for the ifreq ioctls (one per thread, kept open). */
function ctlSocket() {
    if (ctlFd < 0) {
        ctlFd = fn.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (ctlFd < 0)
            throw new SysError('socket(AF_INET)', errno());
    }
    return ctlFd;
}
function ioctlIfreq(name, req, r, what) {
    return ioctlBuf(ctlSocket(), req, r) === 0 ? 0 : errnoOr(what, name);
}
function errnoOr(what, name) {
    const e = errno();
    if (e === ENODEV)
        return ENODEV;
    throw new SysError(what, e, name);
}
function noDevice(what, name) {
    return new SysError(what, ENODEV, `no interface named "${name}"`);
}
/** Interface index, or 0 when the interface does not exist in this namespace. */
export function ifIndex(name) {
    const r = ifreq(name);
    if (ioctlIfreq(name, SIOCGIFINDEX, r, 'ioctl(SIOCGIFINDEX)') !== 0)
        return 0;
    return new DataView(r.buffer).getInt32(16, true);
}
/** IFF_* flags (low 16 bits). Throws SysError (ENODEV with a clear message) if absent. */
export function ifFlags(name) {
    const r = ifreq(name);
    if (ioctlIfreq(name, SIOCGIFFLAGS, r, 'ioctl(SIOCGIFFLAGS)') !== 0)
        throw noDevice('ioctl(SIOCGIFFLAGS)', name);
    return new DataView(r.buffer).getUint16(16, true);
}
/** Set the IFF_* flags (needs CAP_NET_ADMIN: EPERM otherwise). */
export function setIfFlags(name, flags) {
    const r = ifreq(name);
    new DataView(r.buffer).setUint16(16, flags & 0xffff, true);
    if (ioctlIfreq(name, SIOCSIFFLAGS, r, 'ioctl(SIOCSIFFLAGS)') !== 0)
        throw noDevice('ioctl(SIOCSIFFLAGS)', name);
}
/** Bring the interface up (or down); no-op when it already is. */
export function setIfUp(name, up) {
    const f = ifFlags(name);
    if (((f & IFF_UP) !== 0) === up)
        return;
    setIfFlags(name, up ? f | IFF_UP : f & ~IFF_UP);
}
/** MTU in bytes. */
export function ifMtu(name) {
    const r = ifreq(name);
    if (ioctlIfreq(name, SIOCGIFMTU, r, 'ioctl(SIOCGIFMTU)') !== 0)
        throw noDevice('ioctl(SIOCGIFMTU)', name);
    return new DataView(r.buffer).getInt32(16, true);
}
/** Hardware address as text. */
export function ifMac(name) {
    const r = ifreq(name);
    if (ioctlIfreq(name, SIOCGIFHWADDR, r, 'ioctl(SIOCGIFHWADDR)') !== 0)
        throw noDevice('ioctl(SIOCGIFHWADDR)', name);
    // struct sockaddr: u16 family, then the address bytes
    return Array.from(r.subarray(18, 24), (b) => b.toString(16).padStart(2, '0')).join(':');
}
const ETHTOOL_CMD = {
    'tx-checksum': [0x16, 0x17], sg: [0x18, 0x19], tso: [0x1e, 0x1f], gso: [0x23, 0x24], gro: [0x2b, 0x2c],
};
const SIOCETHTOOL = 0x8946;
/** One `struct ethtool_value {u32 cmd; u32 data}` round trip; ifr_data points at native memory. */
function ethtoolValue(name, cmd, data, what) {
    const r = ifreq(name);
    const v = k.alloc('uint32_t', 2);
    try {
        k.encode(v, 'uint32_t', cmd);
        k.encode(v, 4, 'uint32_t', data);
        new DataView(r.buffer).setBigUint64(16, BigInt(k.address(v)), true);
        if (ioctlBuf(ctlSocket(), SIOCETHTOOL, r) !== 0) {
            const e = errno();
            throw new SysError(what, e, e === ENODEV ? `no interface named "${name}"` : name);
        }
        return k.decode(v, 4, 'uint32_t');
    }
    finally {
        k.free(v);
    }
}
/** Whether offload `o` is on (SIOCETHTOOL, as `ethtool -k`). */
export function ifOffload(name, o) {
    return ethtoolValue(name, ETHTOOL_CMD[o][0], 0, `ioctl(SIOCETHTOOL get ${o})`) !== 0;
}
/** Turn offload `o` on or off (SIOCETHTOOL, as `ethtool -K`; needs CAP_NET_ADMIN). */
export function setIfOffload(name, o, on) {
    ethtoolValue(name, ETHTOOL_CMD[o][1], on ? 1 : 0, `ioctl(SIOCETHTOOL set ${o})`);
}
//# sourceMappingURL=netdev.js.map