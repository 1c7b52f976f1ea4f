/** Registers the `l3-router` app type. */
import { registerApp } from '../../core/registry.js';
import { L3Router, routerSchema } from './router.js';
registerApp('l3-router', L3Router, { schema: routerSchema, description: 'IPv4/IPv6 router: LPM routes, ARP/ND, TTL and ICMP errors' });
export { L3Router, routerSchema };
export { RouteTable, parseCidr } from './routes.js';
//# sourceMappingURL=index.js.map