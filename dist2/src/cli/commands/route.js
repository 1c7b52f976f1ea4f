/**
 * Routing (iproute2 style) on the daemon's L3 routers:
 *   `sluice route add PREFIX [via GW] [dev PORT] [router R]`
 *   `sluice route del PREFIX [router R]`
 *   `sluice route show [router R]`                          with -j / -p for JSON
 *   `sluice route iface add PORT mac MAC [ipv4 A/LEN] [ipv6 A/LEN] [mtu N] [router R]`
 *   `sluice route iface del PORT [router R]`
 * A router is created by its first interface (named r0 unless router= says otherwise) and
 * removed with its last. With one router, `router` may be omitted.
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, table, keyValues, intWord, EXIT } from '../client.js';
export async function main(argv) {
    return sub('route', parseGlobal(argv), {
        add: async (g, w) => {
            const [prefix, ...rest] = w;
            if (!prefix)
                throw new UsageError(usage('route', 'add'));
            const { kv } = keyValues(rest, ['via', 'dev', 'router']);
            if (!kv.via && !kv.dev)
                throw new UsageError('route add: needs via GW or dev PORT');
            const r = await request(g, 'route.add', { prefix, ...kv });
            output(g, r, () => `route ${prefix} added`);
            return EXIT.OK;
        },
        del: async (g, w) => {
            const [prefix, ...rest] = w;
            if (!prefix)
                throw new UsageError(usage('route', 'del'));
            const { kv } = keyValues(rest, ['router']);
            const r = await request(g, 'route.del', { prefix, ...kv });
            output(g, r, () => `route ${prefix} removed`);
            return EXIT.OK;
        },
        show: async (g, w) => {
            const { kv } = keyValues(w, ['router']);
            const r = await request(g, 'route.show', kv);
            output(g, r, (list) => {
                if (list.length === 0)
                    return 'no routers';
                return list.map((rt) => [
                    `router ${rt.name}`,
                    table(['INTERFACE', 'MAC', 'IPV4', 'IPV6'], rt.interfaces.map((i) => [i.port, i.mac, i.ipv4 ?? '-', i.ipv6 ?? '-'])),
                    table(['PREFIX', 'VIA', 'DEV'], (rt.routes ?? []).map((x) => [x.prefix, x.via ?? '-', x.dev ?? '-'])),
                ].join('\n')).join('\n\n');
            });
            return EXIT.OK;
        },
        iface: async (g, w) => {
            const [op, port, ...rest] = w;
            if ((op !== 'add' && op !== 'del') || !port)
                throw new UsageError(usage('route', 'iface'));
            if (op === 'add') {
                const { kv } = keyValues(rest, ['mac', 'ipv4', 'ipv6', 'router', 'mtu']);
                if (!kv.mac)
                    throw new UsageError('route iface add: mac MAC is required');
                const { mtu, ...other } = kv;
                const r = await request(g, 'route.iface.add', { port, ...other, ...(mtu !== undefined ? { mtu: intWord('mtu', mtu, 576, 65535) } : {}) });
                output(g, r, () => `interface ${port} added`);
            }
            else {
                const { kv } = keyValues(rest, ['router']);
                const r = await request(g, 'route.iface.del', { port, ...kv });
                output(g, r, () => `interface ${port} removed`);
            }
            return EXIT.OK;
        },
    });
}
//# sourceMappingURL=route.js.map