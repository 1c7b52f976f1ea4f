/**
 * Everything one attachment creates is named from (network, container id, ifname), so DEL
 * can find and remove it even when the state file is gone:
 *   key        10 hex digits of sha256(network/container/ifname)
 *   hostVeth   "sl" + key                (12 bytes: under Linux's 15-byte limit)
 *   port       "cni-" + key              (Sluice port name)
 *   podDir     socketDir + "/" + key     (socket modes; one directory per attachment)
 *   socket     podDir + "/vhost-user.sock" | "/memif.sock"  (≤107 bytes, checked)
 *   mac        02:xx:.. from the key     (socket modes, when the runtime gives none)
 */
import { createHash } from 'node:crypto';
import { CniCode, CniError } from './errors.js';
/** sun_path is 108 bytes including the terminating NUL. */
export const MAX_SOCKET_PATH = 107;
export function namesFor(network, containerId, ifname, socketDir, mode) {
    const h = createHash('sha256').update(`${network}/${containerId}/${ifname}`).digest('hex');
    const key = h.slice(0, 10);
    const podDir = `${socketDir}/${key}`;
    const socket = mode === 'veth' ? '' : `${podDir}/${mode}.sock`;
    // Locally administered unicast: 0x02 in the first octet.
    const mac = ['02', h.slice(10, 12), h.slice(12, 14), h.slice(14, 16), h.slice(16, 18), h.slice(18, 20)].join(':');
    return { key, hostVeth: `sl${key}`, port: `cni-${key}`, podDir, socket, mac };
}
/** Throws (invalid config) when the socket path would not fit in sun_path. */
export function checkSocketPath(path, limit = MAX_SOCKET_PATH) {
    const n = Buffer.byteLength(path);
    if (n > limit) {
        throw new CniError(CniCode.INVALID_NETWORK_CONFIG, `socket path "${path}" is ${n} bytes; unix socket paths are limited to ${limit} (use a shorter socketDir)`);
    }
}
//# sourceMappingURL=names.js.map