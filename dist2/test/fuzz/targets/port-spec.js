/**
 * Port specs (`sluice switch --port KIND:ARG,key=value…`, `ports:` in configs): text →
 * parsePortSpec → the kind's app (every built-in kind registered) → the app's own argument
 * schema, as the switch checks a port before adding it.
 *
 * Survives: only PortSpecError escapes, quoting the spec or naming the option, not wrapping
 * an internal error; a spec its kind accepts gives args its app accepts (else the switch
 * would fail later, away from the option at fault).
 */
import { parsePortSpec, PortSpecError } from '../../../src/core/port-spec.js';
import { portApp } from '../../../src/core/port-kinds.js';
import { resolveClass } from '../../../src/core/engine.js';
import { loadBuiltins } from '../../../src/runtime/builtin.js';
import { INTERNAL, bytes, text } from '../harness/target.js';
await loadBuiltins();
function run(data) {
    const app = portApp(parsePortSpec(text(data)));
    resolveClass('p0', app);
}
export const target = {
    name: 'port-spec',
    covers: ['/src/core/port-spec', '/src/core/port-kinds', '/src/drivers/', '/src/apps/basic/'],
    maxLen: 512,
    dict: ['gen:', 'sink', 'null', 'pcap:', 'vhost-user:', 'virtio-user:', 'memif:', 'tap:', 'af-packet:', 'ring:', ',', '=', ':',
        'size=', 'flows=', 'rate=', 'count=', 'src-mac=', 'dst-mac=', 'vlan=', 'out=', 'loop=', 'client', 'queues=', 'mode=', 'group=',
        'offloads', 'role=', 'server', 'id=', 'secret=', 'nooffloads', 'fanout=', 'name=', '0660', '02:00:00:00:00:01', '4294967296', '-1', '1e3', '0x10'],
    seeds: () => ['gen:size=64,flows=16,rate=1000,count=5,src-mac=02:00:00:00:00:01,vlan=10', 'sink', 'pcap:in.pcap,out=o.pcapng,loop=2,rate=10',
        'vhost-user:/tmp/v.sock,client,queues=2,mode=0660,offloads', 'virtio-user:/tmp/v.sock,queues=2', 'memif:/tmp/m.sock,role=client,id=3,secret=s',
        'tap:t0,queues=2,nooffloads', 'af-packet:eth0,fanout=2', 'ring:w,name=x', 'null,name=n0'].map(bytes),
    run,
    expected: (e) => {
        if (!(e instanceof PortSpecError))
            return `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} is not a PortSpecError`;
        if (!/port spec "|"[^"]*"|option|spec/.test(e.message))
            return `PortSpecError names no spec or option: ${e.message}`;
        if (INTERNAL.test(e.message))
            return `wraps an internal error: ${e.message}`;
        return null;
    },
};
//# sourceMappingURL=port-spec.js.map