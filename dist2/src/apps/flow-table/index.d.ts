import { FlowTable, flowTableSchema } from './flow-table.js';
export { FlowTable, flowTableSchema };
export type { FlowTableArgs } from './flow-table.js';
export { FlowSyntaxError, parseFlow, parseMatch } from './flow-parser.js';
export type { ParsedFlow, FlowAction, FlowMatch } from './flow-parser.js';
