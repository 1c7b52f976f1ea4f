/** Built-in basic apps: generator, sink, null. Importing this module registers them. */
import { registerApp } from '../../core/registry.js';
import { Generator, generatorSchema } from './generator.js';
import { Sink, NullPort, sinkSchema } from './sink.js';
registerApp('gen', Generator, { schema: generatorSchema, description: 'UDP traffic generator (size, flows, rate, count)' });
registerApp('sink', Sink, { schema: sinkSchema, description: 'counts and verifies generator sequence numbers' });
registerApp('null', NullPort, { schema: { type: 'object' }, description: 'discards everything' });
export { Generator, Sink, NullPort };
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, intOption, ipv4Option, macOption, numberOption, PortSpecError } from '../../core/port-spec.js';
registerPortKind('gen', {
    usage: 'gen:size=BYTES,flows=N[,rate=PPS][,count=N][,src-mac=M][,dst-mac=M][,vlan=ID]',
    app(spec) {
        if (spec.arg)
            throw new PortSpecError(`port spec "${spec.text}": gen takes only key=value options`);
        checkOptions(spec, ['size', 'flows', 'rate', 'count', 'src-mac', 'dst-mac', 'src-ip', 'dst-ip', 'vlan']);
        const args = {};
        const put = (k, v) => { if (v !== undefined)
            args[k] = v; };
        put('size', intOption(spec, 'size', 60, 9216));
        put('flows', intOption(spec, 'flows', 1, 65536));
        put('rate', numberOption(spec, 'rate', 0, 1e9));
        put('count', intOption(spec, 'count', 0, Number.MAX_SAFE_INTEGER));
        put('srcMac', macOption(spec, 'src-mac'));
        put('dstMac', macOption(spec, 'dst-mac'));
        put('srcIp', ipv4Option(spec, 'src-ip'));
        put('dstIp', ipv4Option(spec, 'dst-ip'));
        put('vlan', intOption(spec, 'vlan', 0, 4095));
        return { type: 'gen', args };
    },
});
registerPortKind('sink', {
    usage: 'sink[:stamp-offset=N]',
    app(spec) {
        checkOptions(spec, ['stamp-offset']);
        const off = intOption(spec, 'stamp-offset', 0, 9000);
        return { type: 'sink', args: off === undefined ? {} : { stampOffset: off } };
    },
});
registerPortKind('null', {
    usage: 'null',
    app(spec) { checkOptions(spec, []); return { type: 'null', args: {} }; },
});
//# sourceMappingURL=index.js.map