/**
 * Sends COUNT 64-byte frames from a Sluice virtio-user port to a vhost-user backend at PATH,
 * then prints one JSON line of counters (txPackets = frames the backend was given).
 * usage: node dist/test/support/virtio-user-sender.js PATH COUNT
 */
import { VirtioUserPort } from '../../src/drivers/virtio-user/port.js';
import { TestPool } from './vhost-test-pool.js';
const [path, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 100000);
const port = new VirtioUserPort({ path: path, queueSize: 256 });
for (let i = 0;; i++) {
    try {
        await port.start();
        break;
    }
    catch (e) {
        if (i > 50)
            throw e;
        await new Promise((r) => setTimeout(r, 100));
    }
}
const pool = new TestPool(256);
const frame = new Uint8Array(64);
frame.set([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0xb5]); // local experimental ethertype
const burst = new Uint32Array(32);
let queued = 0;
const t0 = process.hrtime.bigint();
while (queued < count) {
    const n = Math.min(32, count - queued);
    for (let i = 0; i < n; i++)
        burst[i] = pool.packet(frame);
    const before = port.txFull;
    port.enqueue(pool, burst, n);
    // Frames refused for a full ring are retried, so the backend gets exactly COUNT.
    queued += n - (port.txFull - before);
    if (port.txFull !== before)
        await new Promise((r) => setImmediate(r));
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
await new Promise((r) => setTimeout(r, 200));
console.log(JSON.stringify({ txPackets: port.txPackets, txBytes: port.txBytes, retried: port.txFull, secs, features: `0x${port.features.toString(16)}`, protocolFeatures: `0x${port.protocolFeatures.toString(16)}` }));
port.stop();
process.exit(0);
//# sourceMappingURL=virtio-user-sender.js.map