const KEY = { 'vhost-user': 'VHOST_USER', memif: 'MEMIF' };
/** Env vars for the ports of one kind (allocates; control path). */
export function buildPortEnv(kind, ports) {
    const k = KEY[kind];
    return {
        [`SLUICE_${k}_DEVICES`]: ports.map((p) => p.deviceId).join(','),
        [`SLUICE_${k}_SOCKETS`]: ports.map((p) => p.containerSocketPath).join(','),
        [`SLUICE_${k}_NUMA`]: ports.map((p) => String(p.numaNode)).join(','),
    };
}
function split(v) {
    return v === undefined || v.trim() === '' ? [] : v.split(',').map((s) => s.trim());
}
/** Reads the SLUICE_* variables of `env` (pass process.env in real use). */
export function parseSluiceEnv(env) {
    const ports = [];
    const problems = [];
    for (const kind of Object.keys(KEY)) {
        const k = KEY[kind];
        const sockets = split(env[`SLUICE_${k}_SOCKETS`]);
        const ids = split(env[`SLUICE_${k}_DEVICES`]);
        const numa = split(env[`SLUICE_${k}_NUMA`]);
        if (ids.length !== 0 && ids.length !== sockets.length)
            problems.push(`SLUICE_${k}_DEVICES has ${ids.length} entries but SLUICE_${k}_SOCKETS has ${sockets.length}`);
        if (numa.length !== 0 && numa.length !== sockets.length)
            problems.push(`SLUICE_${k}_NUMA has ${numa.length} entries but SLUICE_${k}_SOCKETS has ${sockets.length}`);
        sockets.forEach((socket, i) => {
            if (!socket.startsWith('/')) {
                problems.push(`SLUICE_${k}_SOCKETS[${i}] is not an absolute path: ${JSON.stringify(socket)}`);
                return;
            }
            const n = numa[i] === undefined ? -1 : Number(numa[i]);
            if (!Number.isInteger(n) || n < -1)
                problems.push(`SLUICE_${k}_NUMA[${i}] is not a NUMA node: ${JSON.stringify(numa[i])}`);
            ports.push({ kind, deviceId: ids[i] ?? `${kind}${i}`, socket, numaNode: Number.isInteger(n) && n >= -1 ? n : -1 });
        });
    }
    return { ports, problems };
}
//# sourceMappingURL=env.js.map