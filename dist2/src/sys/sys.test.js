import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharedRegion, mapFd, eventfd, eventfdRead, eventfdWrite, unixListen, unixAccept, unixConnect, socketPair, sendMsg, recvMsg, Epoll, poller, setThreadAffinity, getThreadAffinity, SysError, closeFd, } from './index.js';
test('shared region is visible through a second mapping of its fd', () => {
    const r = createSharedRegion(1 << 20, 'test', { quiet: true });
    assert.ok(r.size >= 1 << 20);
    const a = new Uint32Array(r.buffer);
    a[1000] = 0xdeadbeef;
    const m = mapFd(r.fd, r.size);
    assert.equal(new Uint32Array(m.buffer)[1000], 0xdeadbeef);
    m.unmap();
    r.close();
});
test('a worker thread maps the same region by fd and sees our writes (and we see its)', async () => {
    const r = createSharedRegion(65536, 'worker-test', { quiet: true });
    const u = new Int32Array(r.buffer);
    u[0] = 41;
    const code = `
    import { workerData, parentPort } from 'node:worker_threads';
    const { mapFd } = await import(workerData.sys);
    const m = mapFd(workerData.fd, workerData.size);
    const v = new Int32Array(m.buffer);
    Atomics.store(v, 1, v[0] + 1);
    m.unmap();
    parentPort.postMessage('done');`;
    const w = new Worker(code, { eval: true, workerData: { fd: r.fd, size: r.size, sys: new URL('./index.js', import.meta.url).href } });
    await new Promise((res, rej) => { w.on('message', res); w.on('error', rej); });
    assert.equal(Atomics.load(u, 1), 42);
    await w.terminate();
    r.close();
});
test('mapFd rejects bad sizes and bad fds with the call named', () => {
    assert.throws(() => mapFd(3, -1), /bad size/);
    assert.throws(() => mapFd(987654, 4096), (e) => e instanceof SysError && e.call === 'mmap' && e.code === 'EBADF');
});
test('eventfd counts writes and reads back zero when empty', () => {
    const fd = eventfd();
    assert.equal(eventfdRead(fd), 0);
    eventfdWrite(fd);
    eventfdWrite(fd);
    eventfdWrite(fd);
    assert.equal(eventfdRead(fd), 3);
    assert.equal(eventfdRead(fd), 0);
    closeFd(fd);
});
test('unix stream socket passes fds with SCM_RIGHTS; mode is applied; stale socket is replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-sys-'));
    const path = join(dir, 's.sock');
    const l1 = unixListen(path, 'stream');
    closeFd(l1); // leaves a stale socket file behind
    const l = unixListen(path, 'stream', { mode: 0o660 });
    assert.equal(statSync(path).mode & 0o777, 0o660);
    const c = unixConnect(path, 'stream');
    let s = -1;
    for (let i = 0; i < 100 && s < 0; i++)
        s = unixAccept(l);
    assert.ok(s >= 0);
    const efd = eventfd();
    eventfdWrite(efd);
    assert.equal(sendMsg(c, new Uint8Array([1, 2, 3]), [efd]), 3);
    const buf = new Uint8Array(64);
    const got = recvMsg(s, buf);
    assert.equal(got.bytes, 3);
    assert.deepEqual([...buf.subarray(0, 3)], [1, 2, 3]);
    assert.equal(got.fds.length, 1);
    assert.notEqual(got.fds[0], efd);
    assert.equal(eventfdRead(got.fds[0]), 1, 'received fd refers to the same eventfd');
    assert.equal(recvMsg(s, buf).bytes, -1, 'nothing more: would block');
    closeFd(c);
    assert.equal(recvMsg(s, buf).bytes, 0, 'peer closed');
    for (const fd of [...got.fds, efd, s, l])
        closeFd(fd);
});
test('unixListen refuses a socket another listener still serves, of either type, and leaves it working', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-sys-'));
    const path = join(dir, 'live.sock');
    const l = unixListen(path, 'stream');
    for (const type of ['stream', 'seqpacket']) {
        assert.throws(() => unixListen(path, type), (e) => e.code === 'EADDRINUSE' && e.message.includes(`${path} is served by another process`), type);
    }
    const c = unixConnect(path, 'stream');
    let s = -1;
    for (let i = 0; i < 100 && s < 0; i++)
        s = unixAccept(l);
    assert.ok(s >= 0, 'the first listener still accepts');
    for (const fd of [c, s, l])
        closeFd(fd);
});
test('unixListen refuses to clobber a regular file and names the path limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-sys-'));
    const f = join(dir, 'file');
    writeFileSync(f, 'x');
    assert.throws(() => unixListen(f, 'stream'), /not a socket/);
    assert.throws(() => unixListen('/tmp/' + 'x'.repeat(120), 'stream'), /limit is 107/);
    assert.throws(() => unixConnect(join(dir, 'missing.sock'), 'seqpacket'), (e) => e instanceof SysError && e.code === 'ENOENT');
});
test('seqpacket pair keeps message boundaries', () => {
    const [a, b] = socketPair('seqpacket');
    sendMsg(a, new Uint8Array(10).fill(7));
    sendMsg(a, new Uint8Array(5).fill(9));
    const buf = new Uint8Array(100);
    assert.equal(recvMsg(b, buf).bytes, 10);
    assert.equal(recvMsg(b, buf).bytes, 5);
    closeFd(a);
    closeFd(b);
});
test('epoll reports a ready eventfd and times out otherwise', () => {
    const ep = new Epoll();
    const fd = eventfd();
    ep.add(fd);
    const out = new Uint32Array(8);
    assert.equal(ep.wait(0, out), 0);
    eventfdWrite(fd);
    assert.equal(ep.wait(100, out), 1);
    assert.equal(out[0], fd);
    ep.close();
    closeFd(fd);
});
test('poller calls back on the main thread when an fd becomes readable, once per readiness', async () => {
    const [a, b] = socketPair('stream');
    const seen = [];
    let wake;
    poller().add(b, () => {
        const r = recvMsg(b, new Uint8Array(16));
        if (r.bytes > 0)
            seen.push(r.bytes);
        wake?.();
    });
    const next = () => new Promise((resolve) => { wake = resolve; });
    let got = next();
    sendMsg(a, new Uint8Array(3));
    await got;
    got = next();
    sendMsg(a, new Uint8Array(4));
    await got;
    assert.deepEqual(seen, [3, 4]);
    poller().remove(b);
    closeFd(a);
    closeFd(b);
});
test('thread affinity round-trips', () => {
    const before = getThreadAffinity();
    setThreadAffinity([before[0]]);
    assert.deepEqual(getThreadAffinity(), [before[0]]);
    setThreadAffinity(before);
    assert.throws(() => setThreadAffinity([99999]), /out of range/);
});
test('SO_PEERCRED names the process on the other end of a unix socket; a closed fd is a SysError', async () => {
    const { peerCred } = await import('./index.js');
    const [a, b] = socketPair('stream');
    const c = peerCred(a);
    assert.deepEqual(c, { pid: process.pid, uid: process.getuid(), gid: process.getgid() });
    closeFd(a);
    closeFd(b);
    assert.throws(() => peerCred(a), (e) => e instanceof SysError && e.code === 'EBADF');
});
//# sourceMappingURL=sys.test.js.map