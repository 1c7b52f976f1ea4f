/**
 * SO_PEERCRED: who is on the other end of a connected AF_UNIX socket (pid, uid, gid as the
 * kernel recorded them at connect time; the peer cannot forge them).
 */
import { fn, errno } from './libc.js';
import { SysError } from './errors.js';
const SOL_SOCKET = 1, SO_PEERCRED = 17;
export function peerCred(fd) {
    const buf = new Uint8Array(12); // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
    const len = [12];
    if (fn.getsockopt(fd, SOL_SOCKET, SO_PEERCRED, buf, len) !== 0)
        throw new SysError('getsockopt(SO_PEERCRED)', errno(), `fd ${fd}`);
    const v = new DataView(buf.buffer);
    return { pid: v.getInt32(0, true), uid: v.getUint32(4, true), gid: v.getUint32(8, true) };
}
//# sourceMappingURL=peercred.js.map