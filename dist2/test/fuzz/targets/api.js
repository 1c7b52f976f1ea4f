/**
 * Management API request lines (JSON lines on the daemon's socket): ApiServer.handle parses
 * the envelope (size, JSON, id, method, params), then the daemon's dispatcher looks the
 * method up and validates params against its schema. The daemon behind it is a stand-in
 * whose every member refuses with ApiError, so only parsing and validation run.
 *
 * Survives: handle always resolves to a response `{ id, ok, ... }` that serializes as one
 * JSON line; a refusal has an error code other than `internal` (an internal error is the
 * parser failing, not the request) and a message.
 */
import assert from 'node:assert/strict';
import { ApiError, ApiServer } from '../../../src/ctl/api-server.js';
import { Daemon } from '../../../src/ctl/daemon.js';
import { bytes, text } from '../harness/target.js';
const stub = new Proxy({}, { get: () => { throw new ApiError('fuzz-stub', 'reached the daemon'); } });
const dispatch = Daemon.prototype.handle;
const server = new ApiServer({ path: '/nonexistent/fuzz.sock', maxRequestBytes: 4096 }, (method, params) => dispatch.call(stub, method, params));
async function run(data) {
    const r = await server.handle(text(data));
    const line = JSON.stringify(r);
    assert.ok(!line.includes('\n'), 'a response is one line');
    assert.equal(typeof r.ok, 'boolean');
    if (r.ok === false) {
        const e = r.error;
        assert.ok(typeof e.code === 'string' && typeof e.message === 'string' && e.message.length > 0, `error ${line}`);
        assert.notEqual(e.code, 'internal', `internal error: ${e.message}`);
    }
}
export const target = {
    name: 'api',
    covers: ['/src/ctl/api-server', '/src/ctl/daemon'],
    maxLen: 1024,
    dict: ['"id"', '"method"', '"params"', '"ping"', '"port.add"', '"bridge.addif"', '"flow.add"', '"route.add"', '"trace.add"', '"profile"',
        '"capture.add"', '"config.apply"', '"__proto__"', '"constructor"', '"toString"', '"name"', '"spec"', '"vlan"', '"trunk"', '"count"', '"seconds"',
        'null', 'true', '1e999', '-0', '[]', '{}', '"\\u0000"'],
    seeds: () => [
        '{"id":1,"method":"ping"}',
        '{"id":"a","method":"port.add","params":{"name":"vm1","spec":"vhost-user:/run/vm1.sock"}}',
        '{"id":2,"method":"bridge.addif","params":{"bridge":"br0","port":"vm1","vlan":10}}',
        '{"id":3,"method":"trace.add","params":{"port":"p","count":10,"filter":"icmp"}}',
        '{"id":4,"method":"profile","params":{"seconds":0.5}}',
        '{"id":5,"method":"config.apply","params":{"yaml":"ports: {}","dryRun":true}}',
    ].map(bytes),
    run,
    expected: () => 'handle never throws',
};
//# sourceMappingURL=api.js.map