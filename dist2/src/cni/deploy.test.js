// deploy/cni: every plugin config in the example conflist and NetworkAttachmentDefinitions
// passes the plugin's own validation (as the runtime would hand it over: the list's name
// and cniVersion copied into the plugin's config).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { parseConfig } from './config.js';
const file = (f) => readFileSync(new URL(`../../../deploy/cni/${f}`, import.meta.url), 'utf8');
function pluginConfigs(list) {
    return list.plugins.filter((p) => p.type === 'sluice-cni').map((p) => ({ ...p, name: list.name, cniVersion: list.cniVersion }));
}
test('deploy/cni: conflist and NetworkAttachmentDefinitions hold valid sluice-cni configs', () => {
    const lists = [JSON.parse(file('sluice-cni.conflist'))];
    for (const doc of parseAllDocuments(file('network-attachment-definitions.yaml'))) {
        const nad = doc.toJS();
        assert.equal(nad.kind, 'NetworkAttachmentDefinition');
        const list = JSON.parse(nad.spec.config);
        assert.equal(list.name, nad.metadata.name);
        lists.push(list);
    }
    const modes = new Set();
    for (const l of lists) {
        const cfgs = pluginConfigs(l);
        assert.equal(cfgs.length, 1, l.name);
        const c = parseConfig(cfgs[0]);
        modes.add(c.mode);
        if (c.mode !== 'veth')
            assert.ok(cfgs[0].capabilities.CNIDeviceInfoFile, `${l.name} asks Multus for a device-info file`);
    }
    assert.deepEqual([...modes].sort(), ['memif', 'veth', 'vhost-user']);
});
//# sourceMappingURL=deploy.test.js.map