/** Registers the `vxlan` app type. */
import { registerApp } from '../../core/registry.js';
import { Vxlan, vxlanSchema } from './vxlan.js';
registerApp('vxlan', Vxlan, { schema: vxlanSchema, description: 'VXLAN tunnel port (RFC 7348, IPv4 underlay): encap/decap per VNI, ARP for the remote' });
export { Vxlan, vxlanSchema };
//# sourceMappingURL=index.js.map