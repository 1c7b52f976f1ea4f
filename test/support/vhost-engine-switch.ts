/**
 * Two vhost-user port apps patched in a core Engine run by the main-thread EngineRunner: the
 * same path `sluice switch --port vhost-user:A --port vhost-user:B --mode patch` takes, for
 * benchmarks and interop runs before/besides the CLI.
 * usage: node dist/test/support/vhost-engine-switch.js PATH0[,opts] PATH1[,opts]
 * SIGTERM/SIGINT print one JSON line with the engine stats and exit.
 */
import { Engine } from '../../src/core/engine.js';
import { PacketPool } from '../../src/core/packet.js';
import { EngineRunner } from '../../src/core/runner.js';
import { parseVhostUserPort } from '../../src/drivers/vhost-user/index.js';

const [p0, p1] = process.argv.slice(2);
const count = 4096;
const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count)), count);
const engine = new Engine(pool);
engine.configure({
  apps: { p0: { type: 'vhost-user', args: parseVhostUserPort(p0!) }, p1: { type: 'vhost-user', args: parseVhostUserPort(p1!) } },
  links: ['p0.output -> p1.input', 'p1.output -> p0.input'],
});
const runner = new EngineRunner(engine);
runner.start();
async function finish(): Promise<void> {
  await runner.stop();
  console.log(JSON.stringify(engine.stats()));
  engine.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void finish());
process.on('SIGINT', () => void finish());
