/** AF_PACKET port: app type `af-packet` and port kind `af-packet:IFNAME[,fanout=N]…`. */
import { registerApp } from '../../core/registry.js';
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, intOption, PortSpecError } from '../../core/port-spec.js';
import { checkIfName } from '../../sys/index.js';
import { AfPacketPort, afPacketSchema } from './af-packet.js';
registerApp('af-packet', AfPacketPort, { schema: afPacketSchema, description: 'kernel interface through AF_PACKET TPACKET_V3 mmap rings' });
registerPortKind('af-packet', {
    usage: 'af-packet:IFNAME[,fanout=N][,nopromisc][,qdisc-bypass][,blocks=N][,block-size=BYTES][,tx-frames=N]',
    app(spec) {
        checkOptions(spec, ['fanout', 'nopromisc', 'qdisc-bypass', 'blocks', 'block-size', 'tx-frames']);
        try {
            checkIfName(spec.arg);
        }
        catch (e) {
            throw new PortSpecError(`port spec "${spec.text}": ${e.message}`);
        }
        const args = { ifname: spec.arg };
        const fanout = intOption(spec, 'fanout', 1, 64);
        if (fanout !== undefined)
            args.fanout = fanout;
        if (spec.options.nopromisc === true)
            args.promisc = false;
        if (spec.options['qdisc-bypass'] === true)
            args.qdiscBypass = true;
        const blocks = intOption(spec, 'blocks', 2, 4096);
        if (blocks !== undefined)
            args.blocks = blocks;
        const bs = intOption(spec, 'block-size', 4096, 1 << 24);
        if (bs !== undefined) {
            if ((bs & (bs - 1)) !== 0)
                throw new PortSpecError(`port spec "${spec.text}": block-size must be a power of two`);
            args.blockSize = bs;
        }
        const tf = intOption(spec, 'tx-frames', 8, 1 << 16);
        if (tf !== undefined) {
            if ((tf & (tf - 1)) !== 0)
                throw new PortSpecError(`port spec "${spec.text}": tx-frames must be a power of two`);
            args.txFrames = tf;
        }
        return { type: 'af-packet', args };
    },
});
export { AfPacketPort };
//# sourceMappingURL=index.js.map