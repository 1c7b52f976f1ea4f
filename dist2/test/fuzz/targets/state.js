/**
 * The daemon's desired state (`sluice apply FILE`, `config.apply`, the state file it reloads):
 * YAML or JSON text → parseState (YAML, schema, then cross-references: ports of bridges,
 * routers and captures, names used twice, route devices).
 *
 * Survives: only StateError escapes, reading `SOURCE: field: ...`, not wrapping an internal
 * JavaScript error.
 */
import { StateError, parseState, printState } from '../../../src/ctl/model.js';
import { bytes, documented, failOnWarnings, text } from '../harness/target.js';
failOnWarnings();
export const target = {
    name: 'state',
    covers: ['/src/ctl/model'],
    maxLen: 2048,
    timeMs: 200,
    dict: ['ports:', 'bridges:', 'routers:', 'captures:', 'engine:', 'api:', 'metrics:', 'spec:', 'type:', 'learning', 'flow', 'patch',
        'flows:', 'vlan:', 'trunk:', 'interfaces:', 'mac:', 'ipv4:', 'ipv6:', 'routes:', 'prefix:', 'via:', 'dev:', 'port:', 'file:', 'dir:',
        'filter:', 'socket:', 'mode:', 'group:', 'listen:', 'workers:', '{ ', ' }', '[', ']', ': ', '\n  ', '\n- ', '__proto__', 'constructor'],
    seeds: () => [
        'ports:\n  vm1: { spec: "vhost-user:/run/vm1.sock,queues=2" }\n  vm2: { spec: "vhost-user:/run/vm2.sock" }\n  t: { spec: "tap:t0" }\nbridges:\n  br0: { type: learning, ports: { vm1: { vlan: 10 }, vm2: { trunk: [10, 20] } } }\nrouters:\n  r0:\n    interfaces: { t: { mac: "02:00:00:00:00:01", ipv4: 10.0.0.1/24 } }\n    routes: [{ prefix: 0.0.0.0/0, via: 10.0.0.254 }]\ncaptures: [{ port: vm1, file: /tmp/c.pcapng, dir: both, filter: icmp }]\n',
        'ports: { a: { spec: sink }, b: { spec: "null" } }\nbridges: { f: { type: flow, ports: { a: {}, b: {} }, flows: ["priority=10,in_port=1,actions=output:2"] } }\napi: { socket: /run/s.sock, mode: "0660" }\nmetrics: { listen: 127.0.0.1:9469 }\n',
        '{"ports":{"a":{"spec":"sink"}},"bridges":{"p":{"type":"patch","ports":{"a":{}}}}}',
    ].map(bytes),
    run: (data) => { printState(parseState(text(data), 'fuzz')); },
    expected: documented(StateError, /^fuzz: /),
};
//# sourceMappingURL=state.js.map