// Checks api.proto field by field against a table transcribed from the published
// kubernetes/kubelet pkg/apis/deviceplugin/v1beta1/api.proto (commit 63b3249724f7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadApi, protoPath } from './api.js';
// message -> [field, number, type (scalar TYPE_* or message name), label]
const PUBLISHED = {
    DevicePluginOptions: [['pre_start_required', 1, 'bool', 'optional'], ['get_preferred_allocation_available', 2, 'bool', 'optional']],
    RegisterRequest: [['version', 1, 'string', 'optional'], ['endpoint', 2, 'string', 'optional'], ['resource_name', 3, 'string', 'optional'], ['options', 4, 'DevicePluginOptions', 'optional']],
    Empty: [],
    ListAndWatchResponse: [['devices', 1, 'Device', 'repeated']],
    TopologyInfo: [['nodes', 1, 'NUMANode', 'repeated']],
    NUMANode: [['ID', 1, 'int64', 'optional']],
    Device: [['ID', 1, 'string', 'optional'], ['health', 2, 'string', 'optional'], ['topology', 3, 'TopologyInfo', 'optional']],
    PreStartContainerRequest: [['devices_ids', 1, 'string', 'repeated']],
    PreStartContainerResponse: [],
    PreferredAllocationRequest: [['container_requests', 1, 'ContainerPreferredAllocationRequest', 'repeated']],
    ContainerPreferredAllocationRequest: [['available_deviceIDs', 1, 'string', 'repeated'], ['must_include_deviceIDs', 2, 'string', 'repeated'], ['allocation_size', 3, 'int32', 'optional']],
    PreferredAllocationResponse: [['container_responses', 1, 'ContainerPreferredAllocationResponse', 'repeated']],
    ContainerPreferredAllocationResponse: [['deviceIDs', 1, 'string', 'repeated']],
    AllocateRequest: [['container_requests', 1, 'ContainerAllocateRequest', 'repeated']],
    ContainerAllocateRequest: [['devices_ids', 1, 'string', 'repeated']],
    CDIDevice: [['name', 1, 'string', 'optional']],
    AllocateResponse: [['container_responses', 1, 'ContainerAllocateResponse', 'repeated']],
    ContainerAllocateResponse: [['envs', 1, 'map<string,string>', 'repeated'], ['mounts', 2, 'Mount', 'repeated'], ['devices', 3, 'DeviceSpec', 'repeated'], ['annotations', 4, 'map<string,string>', 'repeated'], ['cdi_devices', 5, 'CDIDevice', 'repeated']],
    Mount: [['container_path', 1, 'string', 'optional'], ['host_path', 2, 'string', 'optional'], ['read_only', 3, 'bool', 'optional']],
    DeviceSpec: [['container_path', 1, 'string', 'optional'], ['host_path', 2, 'string', 'optional'], ['permissions', 3, 'string', 'optional']],
};
// service -> [rpc, request, response, server-streaming]
const RPCS = {
    Registration: [['Register', 'RegisterRequest', 'Empty', false]],
    DevicePlugin: [
        ['GetDevicePluginOptions', 'Empty', 'DevicePluginOptions', false],
        ['ListAndWatch', 'Empty', 'ListAndWatchResponse', true],
        ['GetPreferredAllocation', 'PreferredAllocationRequest', 'PreferredAllocationResponse', false],
        ['Allocate', 'AllocateRequest', 'AllocateResponse', false],
        ['PreStartContainer', 'PreStartContainerRequest', 'PreStartContainerResponse', false],
    ],
};
test('api.proto is found from the compiled module', () => {
    assert.ok(existsSync(protoPath()));
});
test('every message and field matches the published API', () => {
    const def = loadApi().packageDefinition;
    const messages = Object.keys(def).filter((k) => def[k].type !== undefined && 'field' in def[k].type).map((k) => k.replace(/^v1beta1\./, ''));
    assert.deepEqual(messages.sort(), Object.keys(PUBLISHED).sort(), 'message set');
    for (const [msg, fields] of Object.entries(PUBLISHED)) {
        const d = def[`v1beta1.${msg}`].type;
        const got = d.field.map((f) => {
            let type = f.type === 'TYPE_MESSAGE' ? f.typeName : f.type.replace(/^TYPE_/, '').toLowerCase();
            const entry = d.nestedType.find((n) => n.name === f.typeName && n.options?.mapEntry);
            if (entry)
                type = `map<${entry.field.map((x) => x.type.replace(/^TYPE_/, '').toLowerCase()).join(',')}>`;
            return [f.name, f.number, type, f.label === 'LABEL_REPEATED' ? 'repeated' : 'optional'];
        });
        assert.deepEqual(got, fields, `fields of ${msg}`);
    }
});
test('every rpc matches the published API', () => {
    const def = loadApi().packageDefinition;
    for (const [svc, rpcs] of Object.entries(RPCS)) {
        const s = def[`v1beta1.${svc}`];
        assert.deepEqual(Object.keys(s).sort(), rpcs.map((r) => r[0]).sort(), `rpcs of ${svc}`);
        for (const [name, req, res, streaming] of rpcs) {
            const m = s[name];
            assert.equal(m.path, `/v1beta1.${svc}/${name}`);
            assert.equal(m.requestType.type.name, req);
            assert.equal(m.responseType.type.name, res);
            assert.equal(m.requestStream, false);
            assert.equal(m.responseStream, streaming);
        }
    }
});
//# sourceMappingURL=api.test.js.map