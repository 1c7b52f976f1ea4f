/**
 * Registers the `vhost-user` and `virtio-user` app types (importing this module is enough)
 * and exports the port-string parsers for `sluice switch --port KIND:ARG`.
 */
import { registerApp } from '../../core/registry.js';
import { VhostUserApp, vhostUserSchema, parseVhostUserPort } from './app.js';
import { VirtioUserApp, virtioUserSchema, parseVirtioUserPort } from '../virtio-user/app.js';

registerApp('vhost-user', VhostUserApp, { schema: vhostUserSchema, description: 'vhost-user backend port (QEMU guests, DPDK virtio-user)' });
registerApp('virtio-user', VirtioUserApp, { schema: virtioUserSchema, description: 'virtio-user frontend port (attaches to a vhost-user backend)' });

/** Port kinds → parser of the part after `KIND:` into the app's args. */
export const portParsers: Record<string, (s: string) => object> = {
  'vhost-user': parseVhostUserPort,
  'virtio-user': parseVirtioUserPort,
};

export { VhostUserApp, VirtioUserApp, parseVhostUserPort, parseVirtioUserPort };
