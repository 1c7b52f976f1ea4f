/** AF_XDP port: app type `af-xdp` and port kind `af-xdp:IFNAME[,queue=N][,mode=copy|zerocopy]`. */
import { registerApp } from '../../core/registry.js';
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, intOption, PortSpecError } from '../../core/port-spec.js';
import { checkIfName } from '../../sys/index.js';
import { AfXdpPort, afXdpSchema, type AfXdpArgs } from './af-xdp.js';

registerApp('af-xdp', AfXdpPort, { schema: afXdpSchema, description: 'kernel interface queue through an AF_XDP socket (UMEM + fill/rx/tx/completion rings)' });
registerPortKind('af-xdp', {
  usage: 'af-xdp:IFNAME[,queue=N][,mode=copy|zerocopy][,frames=N]',
  app(spec) {
    checkOptions(spec, ['queue', 'mode', 'frames']);
    try { checkIfName(spec.arg); } catch (e) { throw new PortSpecError(`port spec "${spec.text}": ${(e as Error).message}`); }
    const args: AfXdpArgs = { ifname: spec.arg };
    const q = intOption(spec, 'queue', 0, 1023);
    if (q !== undefined) args.queue = q;
    const mode = spec.options.mode;
    if (mode !== undefined) {
      if (mode !== 'copy' && mode !== 'zerocopy') throw new PortSpecError(`port spec "${spec.text}": mode must be copy or zerocopy`);
      args.mode = mode;
    }
    const f = intOption(spec, 'frames', 64, 1 << 18);
    if (f !== undefined) {
      if ((f & (f - 1)) !== 0) throw new PortSpecError(`port spec "${spec.text}": frames must be a power of two`);
      args.frames = f;
    }
    return { type: 'af-xdp', args };
  },
});
export { AfXdpPort };
