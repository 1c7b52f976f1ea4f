/**
 * `sluice device-plugin`: runs the kubelet device plugins (API v1beta1) that advertise
 * Sluice ports as extended resources, until SIGINT/SIGTERM.
 *
 *   --vhost-user N        vhost-user slots per NUMA node (default 8; 0 disables)
 *   --memif N             memif slots per NUMA node (default 8; 0 disables)
 *   --numa-nodes LIST     e.g. 0,1 (default: the nodes under <root>/sys/devices/system/node, else 0)
 *   --domain D            resource domain (default sluice.io): D/vhost-user, D/memif
 *   --plugin-dir DIR      kubelet device plugin dir (default /var/lib/kubelet/device-plugins)
 *   --socket-dir DIR      host dir for port sockets (default /var/run/sluice)
 *   --container-dir DIR   where pods see them (default /var/run/sluice)
 *   --daemon-socket PATH  Sluice control socket: Allocate creates each port through it (port.add,
 *                         named after the device id) and ports are Unhealthy while it is down
 *   --hugepages HOST[:CONTAINER]  hugetlbfs mount handed to every allocation (repeatable)
 *   --root DIR            root for NUMA discovery (default /)
 * Exit code 0 after a signal; 2 for bad arguments or configuration.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { DevicePlugin } from '../../k8s/device-plugin.js';
import { SocketPoolProvider } from '../../k8s/socket-pool-provider.js';
import { PortError } from '../../k8s/port-provider.js';
import { DEFAULT_DEVICE_PLUGIN_DIR } from '../../k8s/deviceplugin/v1beta1/api.js';
import { HostFs } from '../../host/host-fs.js';
import { readNodes } from '../../host/facts.js';
export const USAGE = usage('device-plugin');
function count(v, name) {
    if (v === undefined)
        return 8;
    if (!/^\d{1,4}$/.test(v))
        throw new UsageError(`--${name} must be a slot count 0..1024, got ${JSON.stringify(v)}`);
    return Number(v);
}
export async function main(argv) {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv, allowPositionals: false, strict: true,
            options: {
                'vhost-user': { type: 'string' }, memif: { type: 'string' }, 'numa-nodes': { type: 'string' }, domain: { type: 'string' },
                'plugin-dir': { type: 'string' }, 'socket-dir': { type: 'string' }, 'container-dir': { type: 'string' },
                'daemon-socket': { type: 'string' }, hugepages: { type: 'string', multiple: true }, root: { type: 'string' },
            },
        }));
    }
    catch (err) {
        throw new UsageError(`${err.message} (${USAGE})`);
    }
    let nodes;
    if (values['numa-nodes'] !== undefined) {
        if (!/^\d{1,4}(,\d{1,4})*$/.test(values['numa-nodes']))
            throw new UsageError(`--numa-nodes must be a list like 0,1, got ${JSON.stringify(values['numa-nodes'])}`);
        nodes = [...new Set(values['numa-nodes'].split(',').map(Number))];
    }
    else {
        nodes = readNodes(new HostFs(values.root ?? '/'), []).map((n) => n.node);
        if (nodes.length === 0)
            nodes = [0];
    }
    const domain = values.domain ?? 'sluice.io';
    const pools = [];
    for (const kind of ['vhost-user', 'memif']) {
        const n = count(values[kind], kind);
        if (n > 0)
            pools.push({ kind, slotsPerNode: Object.fromEntries(nodes.map((x) => [x, n])) });
    }
    if (pools.length === 0)
        throw new UsageError('both --vhost-user and --memif are 0: nothing to advertise');
    const hugepageMounts = (values.hugepages ?? []).map((h) => {
        const [hostPath, containerPath = hostPath] = h.split(':');
        return { hostPath: hostPath, containerPath };
    });
    let provider;
    try {
        provider = new SocketPoolProvider({
            socketDir: values['socket-dir'], containerDir: values['container-dir'], daemonSocket: values['daemon-socket'],
            createPorts: values['daemon-socket'] !== undefined, pools, hugepageMounts,
        });
    }
    catch (err) {
        if (err instanceof PortError)
            throw new UsageError(err.message);
        throw err;
    }
    await provider.recover();
    let plugins;
    try {
        plugins = pools.map((p) => new DevicePlugin({
            resourceName: `${domain}/${p.kind}`, kind: p.kind, provider, pluginDir: values['plugin-dir'] ?? DEFAULT_DEVICE_PLUGIN_DIR,
        }));
    }
    catch (err) {
        await provider.close();
        throw new UsageError(err.message);
    }
    for (const p of plugins)
        await p.start();
    await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    for (const p of plugins)
        await p.stop();
    await provider.close();
    return 0;
}
//# sourceMappingURL=device-plugin.js.map