/** Registers the `l2-bridge` app type. */
import { registerApp } from '../../core/registry.js';
import { L2Bridge, bridgeSchema } from './bridge.js';
registerApp('l2-bridge', L2Bridge, { schema: bridgeSchema, description: 'VLAN-aware L2 learning bridge (access/trunk ports, MAC aging, flooding)' });
export { L2Bridge, bridgeSchema };
export { MacTable } from './mac-table.js';
export { compilePorts } from './ports.js';
//# sourceMappingURL=index.js.map