/**
 * Worker thread for queue-share.test.ts: serves a QueueShareWorker's rings by forwarding its
 * guest TX ring into its own guest RX ring until the test raises the stop flag; log lines
 * go to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { QueueShareWorker } from '../../src/drivers/vhost-user/queue-share.js';
const { handle, stop } = workerData;
const flag = new Int32Array(stop);
const w = new QueueShareWorker(handle, (m) => parentPort.postMessage(m));
while (Atomics.load(flag, 0) === 0) {
    if (w.own())
        w.set.forwardTo(w.set, 32);
    w.checkQuarantine();
    w.publishCounters();
}
w.detach();
//# sourceMappingURL=queue-share-worker.js.map