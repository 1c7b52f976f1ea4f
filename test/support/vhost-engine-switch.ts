/**
 * Two vhost-user port apps patched in a core Engine run by the main-thread EngineRunner: the
 * same path `sluice switch --port vhost-user:A --port vhost-user:B --mode patch` takes, for
 * benchmarks and interop runs before/besides the CLI.
 * usage: node dist/test/support/vhost-engine-switch.js PATH0[,opts] PATH1[,opts]
 * With SLUICE_VHOST_TEST_MODE=bridge the two ports meet in an l2-bridge instead of a patch
 * (`sluice switch --mode bridge`): frames go through the packet pool.
 * SIGTERM/SIGINT print one JSON line ({ports: [...], engine: stats}) and exit.
 */
import { Engine } from '../../src/core/engine.js';
import { PacketPool } from '../../src/core/packet.js';
import { EngineRunner } from '../../src/core/runner.js';
import { parseVhostUserPort } from '../../src/drivers/vhost-user/index.js';
import '../../src/apps/l2-bridge/index.js';

const [p0, p1] = process.argv.slice(2);
const count = 4096;
const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count)), count);
const engine = new Engine(pool);
const ports = { p0: { type: 'vhost-user', args: parseVhostUserPort(p0!) }, p1: { type: 'vhost-user', args: parseVhostUserPort(p1!) } };
engine.configure(process.env.SLUICE_VHOST_TEST_MODE === 'bridge'
  ? {
    apps: { ...ports, br: { type: 'l2-bridge', args: { ports: { p0: {}, p1: {} } } } },
    links: ['p0.output -> br.p0', 'br.p0 -> p0.input', 'p1.output -> br.p1', 'br.p1 -> p1.input'],
  }
  : { apps: ports, links: ['p0.output -> p1.input', 'p1.output -> p0.input'] });
const runner = new EngineRunner(engine);
runner.start();
async function finish(): Promise<void> {
  await runner.stop();
  const stats = engine.stats();
  // Same shape as vhost-patch-switch's counters line (test/support/vhost-interop.ts parses it).
  const ports = ['p0', 'p1'].map((n) => {
    const a = stats.apps[n]!;
    const x = (a.extra ?? {}) as Record<string, unknown>;
    return {
      path: x.path, rx: a.rx.packets, rxBytes: a.rx.bytes, tx: a.tx.packets, txBytes: a.tx.bytes,
      noGuestBuffer: a.drops.peer_no_buffer ?? 0, tooBig: a.drops.too_big ?? 0, quarantined: x.quarantinedQueues,
      connects: x.connects, disconnects: x.disconnects, features: x.features, protocolFeatures: x.protocolFeatures, singleCopy: x.singleCopy,
      badOffload: a.drops.bad_offload ?? 0, offloads: x.offloads,
    };
  });
  console.log(JSON.stringify({ ports, engine: stats }));
  engine.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void finish());
process.on('SIGINT', () => void finish());
