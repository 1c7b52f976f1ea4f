import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { mkdtempSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServer, ApiError } from './api-server.js';
import { ApiClient, ApiClientError } from './api-client.js';
function dir() { return mkdtempSync(join(tmpdir(), 'sluice-api-')); }
async function withServer(opts, f) {
    const d = dir();
    const path = join(d, 'api.sock');
    const s = new ApiServer({ path, ...opts }, async (method, params) => {
        if (method === 'echo')
            return params;
        if (method === 'boom')
            throw new Error('handler bug');
        if (method === 'refuse')
            throw new ApiError('not-found', 'no such thing');
        if (method === 'slow') {
            await new Promise((r) => setTimeout(r, 50));
            return 'done';
        }
        throw new ApiError('unknown-method', `unknown method "${method}"`);
    });
    await s.listen();
    try {
        await f(path, s);
    }
    finally {
        await s.close();
        rmSync(d, { recursive: true, force: true });
    }
}
/** Send raw text, collect `n` response lines. */
function raw(path, text, n) {
    return new Promise((resolve, reject) => {
        const s = connect(path);
        let buf = '';
        const out = [];
        s.on('data', (c) => {
            buf += c;
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
                out.push(JSON.parse(buf.slice(0, nl)));
                buf = buf.slice(nl + 1);
            }
            if (out.length >= n) {
                s.destroy();
                resolve(out);
            }
        });
        s.on('close', () => resolve(out));
        s.on('error', reject);
        s.write(text);
    });
}
test('socket is created with mode 0600 by default and the requested mode otherwise', async () => {
    await withServer({}, async (path) => { assert.equal(statSync(path).mode & 0o777, 0o600); });
    await withServer({ mode: '0660' }, async (path) => { assert.equal(statSync(path).mode & 0o777, 0o660); });
});
test('requests get ordered responses; errors are responses, the connection stays usable', async () => {
    await withServer({}, async (path) => {
        const lines = [
            '{"id":1,"method":"echo","params":{"a":1}}',
            'this is not json',
            '[1,2]',
            '{"id":2}',
            '{"id":3,"method":"echo","params":[1]}',
            '{"id":{"x":1},"method":"echo"}',
            '{"id":4,"method":"boom"}',
            '{"id":5,"method":"refuse"}',
            '{"id":6,"method":"nope"}',
            '{"id":7,"method":"slow"}',
            '{"id":8,"method":"echo"}',
        ];
        const r = await raw(path, lines.join('\n') + '\n', lines.length);
        assert.equal(r.length, lines.length);
        assert.deepEqual(r[0], { id: 1, ok: true, result: { a: 1 } });
        assert.equal(r[1].error.code, 'bad-request');
        assert.match(r[1].error.message, /malformed JSON/);
        assert.match(r[2].error.message, /JSON object/);
        assert.match(r[3].error.message, /"method"/);
        assert.match(r[4].error.message, /"params"/);
        assert.match(r[5].error.message, /"id"/);
        assert.deepEqual(r[6], { id: 4, ok: false, error: { code: 'internal', message: 'handler bug' } });
        assert.deepEqual(r[7], { id: 5, ok: false, error: { code: 'not-found', message: 'no such thing' } });
        assert.equal(r[8].error.code, 'unknown-method');
        assert.deepEqual(r[9], { id: 7, ok: true, result: 'done' });
        assert.deepEqual(r[10], { id: 8, ok: true, result: {} });
    });
});
test('an oversized request gets an error and the connection is closed; others are unaffected', async () => {
    await withServer({ maxRequestBytes: 1000 }, async (path) => {
        const r = await raw(path, `{"id":1,"method":"echo","params":{"x":"${'a'.repeat(5000)}"}}\n`, 5);
        assert.equal(r.length, 1);
        assert.equal(r[0].error.code, 'too-large');
        const c = new ApiClient(path);
        assert.deepEqual(await c.request('echo', { ok: true }), { ok: true });
        c.close();
    });
});
test('an idle client is disconnected after the idle timeout', async () => {
    await withServer({ idleTimeoutMs: 100 }, async (path) => {
        const closed = await new Promise((resolve) => {
            const s = connect(path);
            s.on('close', () => resolve(true));
            setTimeout(() => { s.destroy(); resolve(false); }, 3000);
        });
        assert.equal(closed, true);
    });
});
test('a flooding client does not starve timers on the same thread', async () => {
    await withServer({}, async (path) => {
        let ticks = 0;
        const iv = setInterval(() => ticks++, 5);
        const n = 3000;
        const t0 = performance.now();
        const r = await raw(path, '{"id":1,"method":"echo"}\n'.repeat(n), n);
        const ms = performance.now() - t0;
        clearInterval(iv);
        assert.equal(r.length, n);
        assert.ok(r.every((x) => x.ok));
        // The flood took `ms`; a 5 ms timer must have kept firing during it (not once at the end).
        assert.ok(ticks >= Math.min(3, Math.floor(ms / 20)), `timer fired ${ticks} times in ${ms.toFixed(0)} ms`);
    });
});
test('a stale socket file is replaced; a live one is refused; a non-socket is refused', async () => {
    const d = dir();
    const path = join(d, 'api.sock');
    // A stale socket: its listener was killed without cleaning up.
    const { spawn } = await import('node:child_process');
    const { existsSync, writeFileSync } = await import('node:fs');
    const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)})`], { stdio: 'ignore' });
    for (let i = 0; i < 200 && !existsSync(path); i++)
        await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.equal(existsSync(path), true);
    const s1 = new ApiServer({ path }, () => 'ok');
    await s1.listen();
    const c = new ApiClient(path);
    assert.equal(await c.request('x'), 'ok');
    c.close();
    await assert.rejects(new ApiServer({ path }, () => 'ok').listen(), /already listening/);
    await s1.close();
    writeFileSync(path, 'not a socket');
    await assert.rejects(new ApiServer({ path }, () => 'ok').listen(), /not a socket/);
    rmSync(d, { recursive: true, force: true });
});
test('client reports a missing daemon with code "connect"', async () => {
    const c = new ApiClient(join(dir(), 'none.sock'));
    await assert.rejects(c.request('ping'), (e) => e instanceof ApiClientError && e.code === 'connect');
});
//# sourceMappingURL=api-server.test.js.map