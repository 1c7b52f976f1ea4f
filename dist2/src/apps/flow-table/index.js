/** Registers the `flow-table` app type (OpenFlow-style rules in ovs-ofctl syntax). */
import { registerApp } from '../../core/registry.js';
import { FlowTable, flowTableSchema } from './flow-table.js';
registerApp('flow-table', FlowTable, { schema: flowTableSchema, description: 'OpenFlow-style multi-table classifier (ovs-ofctl add-flow syntax) with an exact-match cache' });
export { FlowTable, flowTableSchema };
export { FlowSyntaxError, parseFlow, parseMatch } from './flow-parser.js';
//# sourceMappingURL=index.js.map