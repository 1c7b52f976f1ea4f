import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { LoopWatch, eventfd, eventfdRead, eventfdWrite, closeFd } from './index.js';
const CI = process.env.CI === 'true';
test('LoopWatch: the event loop reports an fd written by another thread, promise jobs queued in the callback run, stop() silences it', async (t) => {
    if (!LoopWatch.available()) {
        if (CI)
            assert.fail('LoopWatch unavailable: this Node does not export libuv (uv_poll_*) symbols');
        t.skip('this Node does not export libuv symbols');
        return;
    }
    const fd = eventfd();
    let calls = 0;
    let jobRan = 0;
    let onCall;
    const w = new LoopWatch(fd, () => {
        calls++;
        eventfdRead(fd); // level-triggered: drain, or it reports again
        void Promise.resolve().then(() => { jobRan++; onCall?.(); });
    });
    try {
        w.start();
        const kicker = new Worker(`
      const { workerData: fd } = require('node:worker_threads');
      const b = Buffer.alloc(8); b.writeBigUInt64LE(1n);
      setTimeout(() => require('node:fs').writeSync(fd, b), 20);
    `, { eval: true, workerData: fd });
        await new Promise((res) => { onCall = res; });
        await kicker.terminate();
        assert.equal(calls, 1);
        assert.equal(jobRan, 1, 'the promise job queued inside the callback ran');
        w.stop();
        eventfdWrite(fd);
        await new Promise((res) => setTimeout(res, 30));
        assert.equal(calls, 1, 'no report while stopped');
        w.start(); // still readable: reported at once
        await new Promise((res) => { onCall = res; });
        assert.equal(calls, 2);
    }
    finally {
        w.close();
        closeFd(fd);
    }
});
//# sourceMappingURL=loop-watch.test.js.map