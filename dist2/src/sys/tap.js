/**
 * TAP devices (/dev/net/tun): create one, or attach to an existing (persistent) one, with
 * one non-blocking fd per queue. Each fd carries one Ethernet frame per read(2) / write(2),
 * without the packet-information prefix (IFF_NO_PI). With `offloads` (IFF_VNET_HDR) every
 * frame is preceded by a 10-byte virtio-net header and the device takes checksum offload and
 * TSO (TUNSETOFFLOAD CSUM|TSO4|TSO6|TSO_ECN, plus USO where the kernel has it): the stack
 * hands us 64 KiB super-frames with partial checksums, described by the header. Without it,
 * offloads are off and frames come complete. Control path only.
 *
 *   openTap(name, queues, opts)  → { name, fds, multiQueue, offloads }   throws SysError/RangeError
 *
 * A device this process creates is not persistent: it disappears when the last fd closes.
 * The fds stay attached when the device is moved to another network namespace.
 */
import { fn, k, errno } from './libc.js';
import { SysError } from './errors.js';
import { ifreq } from './netdev.js';
const libc = k.load('libc.so.6');
const ioctlBuf = libc.func('int ioctl(int fd, unsigned long req, _Inout_ uint8_t *arg)');
const ioctlInt = libc.func('int ioctl(int fd, unsigned long req, unsigned long arg)');
const TUNSETIFF = 0x400454ca, TUNSETOFFLOAD = 0x400454d0;
const IFF_TAP = 0x0002, IFF_NO_PI = 0x1000, IFF_MULTI_QUEUE = 0x0100, IFF_VNET_HDR = 0x4000;
const TUN_F_CSUM = 0x01, TUN_F_TSO4 = 0x02, TUN_F_TSO6 = 0x04, TUN_F_TSO_ECN = 0x08, TUN_F_USO4 = 0x20, TUN_F_USO6 = 0x40;
const TUN_OFFLOADS = TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6 | TUN_F_TSO_ECN;
const O_RDWR = 2, O_NONBLOCK = 0o4000, O_CLOEXEC = 0o2000000;
const EINVAL = 22;
/** Linux MAX_TAP_QUEUES. */
export const MAX_TAP_QUEUES = 256;
function attach(name, flags) {
    const fd = fn.open('/dev/net/tun', O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
    if (fd < 0)
        throw new SysError('open(/dev/net/tun)', errno());
    const r = ifreq(name);
    new DataView(r.buffer).setUint16(16, flags, true);
    if (ioctlBuf(fd, TUNSETIFF, r) !== 0) {
        const e = errno();
        fn.close(fd);
        return { fd: -1, err: e, name };
    }
    const end = r.indexOf(0);
    return { fd, err: 0, name: Buffer.from(r.subarray(0, end < 0 ? 16 : end)).toString() };
}
/**
 * Open `queues` fds on TAP device `name`, creating it if absent. With one queue, an existing
 * single-queue device is accepted too. Errors name the device and the cause (EPERM: needs
 * CAP_NET_ADMIN; EBUSY: another process holds a single-queue device; EINVAL: it exists
 * with other flags, e.g. as a TUN device or without multi_queue).
 */
export function openTap(name, queues = 1, opts = {}) {
    const vnet = opts.offloads ? IFF_VNET_HDR : 0;
    if (!Number.isInteger(queues) || queues < 1 || queues > MAX_TAP_QUEUES)
        throw new RangeError(`tap ${name}: queues must be in [1, ${MAX_TAP_QUEUES}], got ${queues}`);
    ifreq(name); // validates the name
    const fds = [];
    let multiQueue = true;
    let actual = name;
    try {
        for (let q = 0; q < queues; q++) {
            let a = attach(name, IFF_TAP | IFF_NO_PI | vnet | (multiQueue ? IFF_MULTI_QUEUE : 0));
            if (a.fd < 0 && a.err === EINVAL && q === 0 && queues === 1) {
                multiQueue = false; // an existing single-queue device
                a = attach(name, IFF_TAP | IFF_NO_PI | vnet);
            }
            if (a.fd < 0) {
                const hint = a.err === 1 ? 'needs CAP_NET_ADMIN' : a.err === 16 ? 'device busy (held by another process?)'
                    : a.err === EINVAL ? (queues > 1 ? 'exists without multi_queue, or is not a TAP device' : 'exists and is not a TAP device') : `tap ${name}`;
                throw new SysError('ioctl(TUNSETIFF)', a.err, `tap ${name}: ${hint}`);
            }
            fds.push(a.fd);
            actual = a.name;
            if (vnet !== 0) {
                // USO (kernel 6.2+) is asked for and dropped when refused (EINVAL).
                if (ioctlInt(a.fd, TUNSETOFFLOAD, TUN_OFFLOADS | TUN_F_USO4 | TUN_F_USO6) !== 0 && ioctlInt(a.fd, TUNSETOFFLOAD, TUN_OFFLOADS) !== 0) {
                    throw new SysError('ioctl(TUNSETOFFLOAD)', errno(), `tap ${name}`);
                }
            }
            else if (ioctlInt(a.fd, TUNSETOFFLOAD, 0) !== 0)
                throw new SysError('ioctl(TUNSETOFFLOAD)', errno(), `tap ${name}`);
        }
    }
    catch (e) {
        for (const fd of fds)
            fn.close(fd);
        throw e;
    }
    return { name: actual, fds, multiQueue, offloads: vnet !== 0 };
}
//# sourceMappingURL=tap.js.map