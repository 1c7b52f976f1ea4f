/** Built-in apps: importing this module registers every built-in app type. */
import './basic/index.js';
import './l2-bridge/index.js';
import './flow-table/index.js';
import './l3-router/index.js';
import './vxlan/index.js';
import './bpf/register.js';
import './bond/index.js';

export { Generator, Sink, NullPort } from './basic/index.js';
export { L2Bridge } from './l2-bridge/index.js';
export { FlowTable, FlowSyntaxError } from './flow-table/index.js';
export { L3Router } from './l3-router/index.js';
export { Vxlan } from './vxlan/index.js';
export { Bond } from './bond/index.js';
