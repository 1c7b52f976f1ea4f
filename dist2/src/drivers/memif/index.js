/**
 * memif port: app type `memif` and port kind
 * `memif:PATH[,role=server|client][,id=N][,secret=S][,queues=N][,ring-size=N][,buffer-size=N][,abstract]`.
 */
import { registerApp } from '../../core/registry.js';
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, intOption, PortSpecError, stringOption } from '../../core/port-spec.js';
import { MemifApp, memifSchema } from './app.js';
registerApp('memif', MemifApp, { schema: memifSchema, description: 'memif port (DPDK net_memif / libmemif / VPP), server or client role' });
/** Turn a parsed `memif:` spec into the app's args (throws PortSpecError naming the option). */
export function memifArgs(spec) {
    checkOptions(spec, ['role', 'id', 'secret', 'queues', 'ring-size', 'buffer-size', 'abstract']);
    if (!spec.arg)
        throw new PortSpecError(`port spec "${spec.text}": memif needs the control socket path (memif:PATH)`);
    if (Buffer.byteLength(spec.arg) > 106)
        throw new PortSpecError(`port spec "${spec.text}": socket path longer than 106 bytes`);
    const args = { path: spec.arg };
    const role = stringOption(spec, 'role');
    if (role !== undefined) {
        if (role !== 'server' && role !== 'client')
            throw new PortSpecError(`port spec "${spec.text}": role must be server or client, got "${role}"`);
        args.role = role;
    }
    const id = intOption(spec, 'id', 0, 0xffffffff);
    if (id !== undefined)
        args.id = id;
    const secret = stringOption(spec, 'secret');
    if (secret !== undefined) {
        if (Buffer.byteLength(secret) > 24)
            throw new PortSpecError(`port spec "${spec.text}": secret is longer than 24 bytes`);
        args.secret = secret;
    }
    const queues = intOption(spec, 'queues', 1, 255);
    if (queues !== undefined)
        args.queues = queues;
    const ringSize = intOption(spec, 'ring-size', 2, 16384);
    if (ringSize !== undefined) {
        if ((ringSize & (ringSize - 1)) !== 0)
            throw new PortSpecError(`port spec "${spec.text}": ring-size must be a power of two, got ${ringSize}`);
        args.ringSize = ringSize;
    }
    const bs = intOption(spec, 'buffer-size', 64, 65535);
    if (bs !== undefined)
        args.bufferSize = bs;
    const abs = spec.options.abstract;
    if (abs !== undefined) {
        if (abs !== true && abs !== 'yes' && abs !== 'no')
            throw new PortSpecError(`port spec "${spec.text}": abstract takes no value (or yes/no)`);
        args.abstract = abs !== 'no';
    }
    return args;
}
registerPortKind('memif', {
    usage: 'memif:PATH[,role=server|client][,id=N][,secret=S][,queues=N][,ring-size=N][,buffer-size=N][,abstract]',
    app: (spec) => ({ type: 'memif', args: memifArgs(spec) }),
});
export { MemifApp };
//# sourceMappingURL=index.js.map