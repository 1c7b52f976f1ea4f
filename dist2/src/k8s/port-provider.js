/**
 * The device plugin's view of Sluice ports: what can be advertised, reserved and released.
 *
 * The plugin never touches the switch directly; it talks to a `PortProvider`. The
 * directory-backed `SocketPoolProvider` (socket-pool-provider.ts) is the default; the
 * daemon can hand in its own implementation later.
 *
 * Contract:
 *   list(kind)                  -> every device of that kind with its NUMA node and health
 *                                  (a fresh array; the plugin sends it to the kubelet as is).
 *   reserve(kind, ids, hint)    -> all-or-nothing: either every id is reserved and the
 *                                  ports are returned, or nothing changed and a PortError says
 *                                  which id and why. Reserving an id that is already reserved
 *                                  re-creates it (the kubelet never tells plugins about
 *                                  deallocation, so a new Allocate of the same id means the
 *                                  previous user is gone).
 *   release(kind, ids)          -> frees the ports; unknown ids are ignored.
 *   onHealthChange(cb)          -> cb(kind) after any health change of that kind; returns an
 *                                  unsubscribe function.
 *   close()                     -> stops timers; reservations stay on disk.
 */
export const PORT_KINDS = ['vhost-user', 'memif'];
export class PortError extends Error {
    code;
    deviceId;
    constructor(code, message, deviceId = '') {
        super(message);
        this.code = code;
        this.deviceId = deviceId;
        this.name = 'PortError';
    }
}
//# sourceMappingURL=port-provider.js.map