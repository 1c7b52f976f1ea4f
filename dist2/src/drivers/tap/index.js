/** TAP port: app type `tap` and port kind `tap:NAME[,queues=N][,noup][,nooffloads]`. */
import { registerApp } from '../../core/registry.js';
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, intOption, PortSpecError } from '../../core/port-spec.js';
import { checkIfName, MAX_TAP_QUEUES } from '../../sys/index.js';
import { TapPort, tapSchema } from './tap.js';
registerApp('tap', TapPort, { schema: tapSchema, description: 'Linux TAP device (created or attached), one fd per queue' });
registerPortKind('tap', {
    usage: 'tap:NAME[,queues=N][,noup][,nooffloads]',
    app(spec) {
        checkOptions(spec, ['queues', 'noup', 'nooffloads']);
        try {
            checkIfName(spec.arg);
        }
        catch (e) {
            throw new PortSpecError(`port spec "${spec.text}": ${e.message}`);
        }
        const args = { ifname: spec.arg };
        const q = intOption(spec, 'queues', 1, MAX_TAP_QUEUES);
        if (q !== undefined)
            args.queues = q;
        if (spec.options.noup === true)
            args.up = false;
        if (spec.options.nooffloads === true)
            args.offloads = false;
        return { type: 'tap', args };
    },
});
export { TapPort };
//# sourceMappingURL=index.js.map