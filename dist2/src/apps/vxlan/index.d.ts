import { Vxlan, vxlanSchema } from './vxlan.js';
export { Vxlan, vxlanSchema };
export type { VxlanArgs } from './vxlan.js';
