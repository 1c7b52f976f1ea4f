/**
 * `sluice bridge add NAME [type learning|flow|patch] [ports P1,P2,...]`
 * `sluice bridge del NAME`
 * `sluice bridge addif BRIDGE PORT [vlan N | trunk N,N...] [ofport N]`   (also add-port)
 * `sluice bridge setif BRIDGE PORT [vlan N | trunk N,N...]`   change VLANs in place (also set-port)
 * `sluice bridge delif BRIDGE PORT`                           (also del-port)
 * `sluice bridge show [NAME]`                                 with -j / -p for JSON
 *
 * Types: learning (VLAN-aware L2 learning bridge), flow (flow table; see `sluice flow`),
 * patch (cross-connect of exactly two ports, no app in between).
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, table, keyValues, intWord, EXIT } from '../client.js';
const vids = (s) => s.split(',').map((v) => intWord('trunk VLAN', v, 0, 4095));
async function addif(g, w) {
    const [bridge, port, ...rest] = w;
    if (!bridge || !port)
        throw new UsageError(usage('bridge', 'addif'));
    const { kv } = keyValues(rest, ['vlan', 'trunk', 'ofport']);
    const params = { bridge, port };
    if (kv.vlan !== undefined)
        params.vlan = intWord('vlan', kv.vlan, 0, 4095);
    if (kv.trunk !== undefined)
        params.trunk = vids(kv.trunk);
    if (kv.ofport !== undefined)
        params.ofport = intWord('ofport', kv.ofport, 1, 0xfeff);
    const r = await request(g, 'bridge.addif', params);
    output(g, r, () => `port ${port} added to bridge ${bridge}`);
    return EXIT.OK;
}
async function setif(g, w) {
    const [bridge, port, ...rest] = w;
    if (!bridge || !port)
        throw new UsageError(usage('bridge', 'setif'));
    const { kv } = keyValues(rest, ['vlan', 'trunk']);
    const params = { bridge, port };
    if (kv.vlan !== undefined)
        params.vlan = intWord('vlan', kv.vlan, 0, 4095);
    if (kv.trunk !== undefined)
        params.trunk = vids(kv.trunk);
    const r = await request(g, 'bridge.setif', params);
    output(g, r, () => `port ${port} of bridge ${bridge} changed`);
    return EXIT.OK;
}
async function delif(g, w) {
    if (w.length !== 2)
        throw new UsageError(usage('bridge', 'delif'));
    const r = await request(g, 'bridge.delif', { bridge: w[0], port: w[1] });
    output(g, r, () => `port ${w[1]} removed from bridge ${w[0]}`);
    return EXIT.OK;
}
export async function main(argv) {
    return sub('bridge', parseGlobal(argv), {
        add: async (g, w) => {
            const [name, ...rest] = w;
            if (!name)
                throw new UsageError(usage('bridge', 'add'));
            const { kv } = keyValues(rest, ['type', 'ports']);
            if (kv.type !== undefined && !['learning', 'flow', 'patch'].includes(kv.type))
                throw new UsageError(`bridge add: type must be learning, flow or patch, got "${kv.type}"`);
            const r = await request(g, 'bridge.add', { name, ...(kv.type ? { type: kv.type } : {}), ...(kv.ports ? { ports: kv.ports.split(',').filter(Boolean) } : {}) });
            output(g, r, () => `bridge ${name} added`);
            return EXIT.OK;
        },
        del: async (g, w) => {
            if (w.length !== 1)
                throw new UsageError(usage('bridge', 'del'));
            const r = await request(g, 'bridge.del', { name: w[0] });
            output(g, r, () => `bridge ${w[0]} removed`);
            return EXIT.OK;
        },
        addif, 'add-port': addif, setif, 'set-port': setif, delif, 'del-port': delif,
        show: async (g, w) => {
            if (w.length > 1)
                throw new UsageError(usage('bridge', 'show'));
            const r = await request(g, 'bridge.show', w[0] ? { name: w[0] } : {});
            output(g, w[0] ? r[0] : r, (x) => {
                const list = Array.isArray(x) ? x : [x];
                if (list.length === 0)
                    return 'no bridges';
                return table(['BRIDGE', 'TYPE', 'PORT', 'OFPORT', 'VLAN'], list.flatMap((b) => {
                    const ports = b.ports;
                    if (ports.length === 0)
                        return [[b.name, b.type, '-', '-', '-']];
                    return ports.map((m, i) => [i === 0 ? b.name : '', i === 0 ? b.type : '', m.name, String(m.ofport ?? '-'), m.vlan !== undefined ? `access ${m.vlan}` : m.trunk ? `trunk ${m.trunk.join(',')}` : '-']);
                }));
            });
            return EXIT.OK;
        },
    });
}
//# sourceMappingURL=bridge.js.map