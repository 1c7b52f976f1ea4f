/**
 * Device plugin RPCs as the kubelet (or anything that can reach the plugin socket) sends
 * them: byte 0 picks the method (GetPreferredAllocation, Allocate, PreStartContainer), the
 * rest is the protobuf request body. grpc-js's own deserializer for api.proto decodes it, then
 * the plugin's handlers run against a directory-backed SocketPoolProvider.
 *
 * Survives: a body protobuf cannot decode is refused by the decoder (grpc-js answers
 * INTERNAL "Error deserializing request" itself); every decoded request gets its callback
 * called once, with a response or a status other than INTERNAL (INVALID_ARGUMENT,
 * FAILED_PRECONDITION, RESOURCE_EXHAUSTED) carrying a message; a handler never throws.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { DevicePlugin } from '../../../src/k8s/device-plugin.js';
import { loadApi } from '../../../src/k8s/deviceplugin/v1beta1/api.js';
import { SocketPoolProvider } from '../../../src/k8s/socket-pool-provider.js';
const METHODS = ['GetPreferredAllocation', 'Allocate', 'PreStartContainer'];
/** What protobuf's decoder throws on bytes that are not a message of the request type. */
export class DecodeError extends Error {
}
const root = mkdtempSync(join(tmpdir(), 'fuzz-dp-'));
const provider = new SocketPoolProvider({
    socketDir: join(root, 'run'), pollMs: 0,
    pools: [{ kind: 'vhost-user', slotsPerNode: { 0: 2, 1: 2 } }],
});
const plugin = new DevicePlugin({ resourceName: 'sluice.io/vhost-user', kind: 'vhost-user', provider, pluginDir: join(root, 'dp'), log: () => undefined });
const handlers = plugin.handlers();
const service = loadApi().DevicePlugin.service;
const ids = plugin.devices().map((d) => d.ID);
const ANSWERS = new Set([grpc.status.INVALID_ARGUMENT, grpc.status.FAILED_PRECONDITION, grpc.status.RESOURCE_EXHAUSTED]);
async function run(data) {
    const method = METHODS[(data[0] ?? 0) % METHODS.length];
    let request;
    try {
        request = service[method].requestDeserialize(Buffer.from(data.subarray(1)));
    }
    catch (err) {
        throw new DecodeError(`${method} request: ${err.message}`);
    }
    let calls = 0;
    const outcome = await new Promise((resolve) => {
        const handler = handlers[method];
        handler({ request }, (err) => { calls++; resolve(err); });
    });
    assert.equal(calls, 1, 'the callback is called exactly once');
    if (outcome) {
        assert.ok(ANSWERS.has(outcome.code), `status ${grpc.status[outcome.code]}: ${outcome.details}`);
        assert.ok(typeof outcome.details === 'string' && outcome.details.length > 0, 'a refusal says why');
    }
}
function seed(method, body) {
    const wire = service[method].requestSerialize(body);
    return Uint8Array.from([METHODS.indexOf(method), ...wire]);
}
export const target = {
    name: 'device-plugin',
    covers: ['/src/k8s/device-plugin', '/src/k8s/preferred', '/src/k8s/socket-pool-provider', '/src/k8s/env'],
    maxLen: 512,
    timeMs: 200,
    dict: [...ids, 'vhost-user', '\u0000', '../', '/'],
    seeds: () => [
        seed('Allocate', { container_requests: [{ devices_ids: [ids[0]] }] }),
        seed('Allocate', { container_requests: [{ devices_ids: [ids[1]] }, { devices_ids: [ids[2]] }] }),
        seed('GetPreferredAllocation', { container_requests: [{ available_deviceIDs: ids, must_include_deviceIDs: [ids[3]], allocation_size: 2 }] }),
        seed('PreStartContainer', { devices_ids: [ids[0], ids[3]] }),
    ],
    run,
    expected: (e) => (e instanceof DecodeError ? null : `${e?.name}: ${e?.message} is not a decode error`),
};
//# sourceMappingURL=device-plugin.js.map