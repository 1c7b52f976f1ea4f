import { L3Router, routerSchema } from './router.js';
export { L3Router, routerSchema };
export type { RouterArgs, RouterIfaceArgs, NeighborEntry } from './router.js';
export { RouteTable, parseCidr } from './routes.js';
export type { RouteSpec, RouteEntry } from './routes.js';
