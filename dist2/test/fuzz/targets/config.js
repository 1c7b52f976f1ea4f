/**
 * `sluice run FILE.yaml` configs: YAML text → parseRunConfig (YAML, schema, then the graph
 * it expands to: port specs, app args against each app's schema, links, engines), with
 * every built-in app type and port kind registered as the CLI does.
 *
 * Survives: only ConfigError escapes, reading `FILE:LINE: ...`, and not wrapping a
 * JavaScript error of the parser's own (INTERNAL).
 */
import { ConfigError, parseRunConfig } from '../../../src/config/load.js';
import { loadBuiltins } from '../../../src/runtime/builtin.js';
import { bytes, documented, failOnWarnings, text } from '../harness/target.js';
failOnWarnings();
await loadBuiltins();
export const target = {
    name: 'config',
    covers: ['/src/config/', '/src/core/config', '/src/core/port-spec', '/src/core/port-kinds', '/src/runtime/derive', '/src/runtime/place'],
    maxLen: 2048,
    timeMs: 200,
    dict: ['ports:', 'mode:', 'apps:', 'links:', 'engines:', 'pool:', 'buffers:', 'bufferSize:', 'hugepages:', 'duration:', 'idleSpellMs:',
        'patch', 'bridge', 'none', 'type:', 'args:', 'module:', 'name:', 'cpu:', '{ ', ' }', '[', ']', ': ', '\n  ', '\n- ', ' -> ', '.output', '.input',
        'gen:size=64,flows=16', 'sink', 'null', 'pcap:in.pcap,loop=2', 'ring:w', 'vhost-user:/tmp/x.sock,queues=2', 'memif:/tmp/m.sock,role=client',
        'tap:t0', 'af-packet:eth0', 'l2-bridge', 'l3-router', 'flow-table', 'vxlan', 'capture', '&a ', '*a', '<<: ', '!!str ', '---\n', '~', '1e400', '-1', '0x10'],
    seeds: () => [
        'pool: { buffers: 16384 }\nports:\n  a: gen:size=64,flows=16\n  b: sink\nmode: patch\napps:\n  slow: { type: gen, args: { size: 256, rate: 1000 } }\n  rec:  { type: pcap, args: { out: /tmp/slow.pcapng } }\nlinks:\n  - slow.output -> rec.input\nengines:\n  - { name: e0, cpu: 0, apps: [a, b] }\n  - { name: e1, cpu: 1, apps: [slow, rec] }\nduration: 10\n',
        'ports:\n  p0: vhost-user:/tmp/v0.sock,queues=2\n  p1: memif:/tmp/m.sock,role=server,id=3\n  p2: ring:w\n  p3: ring:w\nmode: bridge\n',
        'apps:\n  g: { type: gen, args: { size: 60 } }\n  n: { type: "null" }\nlinks: [g.output -> n.input]\nidleSpellMs: 5\n',
    ].map(bytes),
    run: (data) => { parseRunConfig(text(data), 'fuzz.yaml'); },
    expected: documented(ConfigError, /^fuzz\.yaml:\d+: /),
};
//# sourceMappingURL=config.js.map