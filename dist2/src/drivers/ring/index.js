/** In-process ring port: app type `ring-port`, port kind `ring:NAME`. */
import { registerApp } from '../../core/registry.js';
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, PortSpecError } from '../../core/port-spec.js';
import { RingPort } from './ring-port.js';
registerApp('ring-port', RingPort, {
    schema: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', pattern: '^[\\w.-]+$' } } },
    description: 'one end of an in-process wire (two ports with the same name are joined)',
});
registerPortKind('ring', {
    usage: 'ring:NAME (two ring ports with the same NAME are the two ends of one wire)',
    app(spec) {
        checkOptions(spec, []);
        if (!/^[\w.-]+$/.test(spec.arg))
            throw new PortSpecError(`port spec "${spec.text}": ring needs a NAME of letters, digits, '.', '_' or '-'`);
        return { type: 'ring-port', args: { name: spec.arg } };
    },
});
export { RingPort };
//# sourceMappingURL=index.js.map