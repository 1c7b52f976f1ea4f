/** pcap port: app type `pcap` and port kind `pcap:IN[,out=OUT][,loop=N][,rate=PPS]`. */
import { registerApp } from '../../core/registry.js';
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, intOption, numberOption, stringOption } from '../../core/port-spec.js';
import { PcapPort, pcapPortSchema } from './pcap-port.js';
registerApp('pcap', PcapPort, { schema: pcapPortSchema, description: 'replay a pcap file / record to pcap or pcapng' });
registerPortKind('pcap', {
    usage: 'pcap:IN.pcap[,out=OUT.pcap|.pcapng][,loop=N][,rate=PPS]',
    app(spec) {
        checkOptions(spec, ['out', 'loop', 'rate']);
        const args = {};
        if (spec.arg)
            args.in = spec.arg;
        const out = stringOption(spec, 'out');
        if (out)
            args.out = out;
        const loop = intOption(spec, 'loop', 0, 1e9);
        if (loop !== undefined)
            args.loop = loop;
        const rate = numberOption(spec, 'rate', 0, 1e9);
        if (rate !== undefined)
            args.rate = rate;
        return { type: 'pcap', args };
    },
});
export { PcapPort };
//# sourceMappingURL=index.js.map