import { L2Bridge, bridgeSchema } from './bridge.js';
export { L2Bridge, bridgeSchema };
export type { BridgeArgs, BridgeMacEntry } from './bridge.js';
export { MacTable } from './mac-table.js';
export { compilePorts } from './ports.js';
export type { BridgePortArgs } from './ports.js';
