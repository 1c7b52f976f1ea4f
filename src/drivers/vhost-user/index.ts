/**
 * Registers the `vhost-user` and `virtio-user` app types (importing this module is enough)
 * and exports the port-string parsers for `sluice switch --port KIND:ARG`.
 */
import { registerApp } from '../../core/registry.js';
import { VhostUserApp, vhostUserSchema, parseVhostUserPort, handOverAll } from './app.js';
import { receivePort, dropUnadopted, HandoverError, type PortHandover } from './handover.js';
import { VirtioUserApp, virtioUserSchema, parseVirtioUserPort } from '../virtio-user/app.js';
import { VhostUserQueuesApp, vhostUserQueuesSchema } from './queues-app.js';

registerApp('vhost-user', VhostUserApp, { schema: vhostUserSchema, description: 'vhost-user backend port (QEMU guests, DPDK virtio-user)' });
registerApp('vhost-user-queues', VhostUserQueuesApp, { schema: vhostUserQueuesSchema, description: 'queue pairs of a vhost-user port served on a worker engine (built by sluice switch --workers)' });
registerApp('virtio-user', VirtioUserApp, { schema: virtioUserSchema, description: 'virtio-user frontend port (attaches to a vhost-user backend)' });

/** Port kinds → parser of the part after `KIND:` into the app's args. */
export const portParsers: Record<string, (s: string) => object> = {
  'vhost-user': parseVhostUserPort,
  'virtio-user': parseVirtioUserPort,
};

export { VhostUserApp, VirtioUserApp, parseVhostUserPort, parseVirtioUserPort, handOverAll, receivePort, dropUnadopted, HandoverError, type PortHandover };

// Port kinds for `sluice switch --port` / configs: the text after `KIND:` goes to the parser.
import { registerPortKind } from '../../core/port-kinds.js';
import { PortSpecError, type PortSpec } from '../../core/port-spec.js';

function kindFrom(type: 'vhost-user' | 'virtio-user', usage: string) {
  return {
    usage,
    app(spec: PortSpec) {
      // Without this, `vhost-user` alone would name a socket "vhost-user" in the cwd.
      if (spec.arg === '') throw new PortSpecError(`port spec "${spec.text}": ${type} needs the socket path (${type}:PATH)`);
      const rest = spec.text.slice(spec.text.indexOf(':') + 1).split(',').filter((o) => !o.startsWith('name=')).join(',');
      try { return { type, args: portParsers[type]!(rest) }; } catch (e) { throw new PortSpecError((e as Error).message); }
    },
  };
}
registerPortKind('vhost-user', kindFrom('vhost-user', 'vhost-user:PATH[,client][,queues=N][,mode=0660][,group=NAME][,offloads][,mac=M][,mtu=N][,migration=off]'));
registerPortKind('virtio-user', kindFrom('virtio-user', 'virtio-user:PATH[,queues=N][,offloads]'));
