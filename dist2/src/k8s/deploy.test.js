// Validates deploy/*.yaml offline: Kubernetes manifests against the focused schema in
// deploy/schema (derived from kubernetes/api types), Guaranteed-QoS rules for the example
// pod and the switch container, the device plugin's wiring, and compose.yaml structurally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { parseState } from '../ctl/model.js';
const DEPLOY = (f) => fileURLToPath(new URL(`../../../deploy/${f}`, import.meta.url));
function docs(file) {
    const all = parseAllDocuments(readFileSync(DEPLOY(file), 'utf8'));
    for (const d of all)
        assert.deepEqual(d.errors, [], `${file}: YAML errors`);
    return all.map((d) => d.toJS()).filter((d) => d !== null);
}
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(DEPLOY('schema/kubernetes-subset.schema.json'), 'utf8')));
function schemaErrors(doc) {
    // oneOf over kinds: validate against the kind's own definition for readable errors.
    const v = ajv.getSchema(`https://sluice.io/schema/kubernetes-subset.json#/definitions/${doc.kind}`);
    if (!v)
        return [`unknown kind ${doc.kind}`];
    return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
/** CPU quantity in millicores, or NaN. */
function milliCpu(q) {
    const s = String(q);
    if (/^\d+$/.test(s))
        return Number(s) * 1000;
    if (/^\d+m$/.test(s))
        return Number(s.slice(0, -1));
    if (/^\d*\.\d+$/.test(s))
        return Math.round(Number(s) * 1000);
    return NaN;
}
/** Problems that keep a pod out of Guaranteed QoS with exclusive CPUs (empty = fine). */
function guaranteedProblems(spec, containerNames) {
    const out = [];
    for (const c of spec.containers) {
        if (containerNames && !containerNames.includes(c.name))
            continue;
        const req = (c.resources?.requests ?? {});
        const lim = (c.resources?.limits ?? {});
        for (const r of ['cpu', 'memory'])
            if (lim[r] === undefined)
                out.push(`${c.name}: no ${r} limit`);
        for (const [k, v] of Object.entries(req))
            if (String(lim[k]) !== String(v))
                out.push(`${c.name}: requests.${k} ${v} != limits.${k} ${lim[k]}`);
        const m = milliCpu(lim.cpu);
        if (!(m > 0 && m % 1000 === 0))
            out.push(`${c.name}: cpu ${lim.cpu} is not an integer number of CPUs (no exclusive cores)`);
    }
    return out;
}
test('the schema accepts the manifests and rejects typos and bad values', () => {
    const all = [...docs('sluice-daemonset.yaml'), ...docs('example-pod.yaml')];
    assert.deepEqual(all.map((d) => d.kind), ['ConfigMap', 'DaemonSet', 'Pod']);
    for (const d of all) {
        assert.deepEqual(schemaErrors(d), [], `${d.kind}/${d.metadata?.name}`);
        assert.ok(validate(d), `${d.kind} against the top-level oneOf`);
    }
    const pod = docs('example-pod.yaml')[0];
    const mutate = (f) => { const p = structuredClone(pod); f(p); return schemaErrors(p); };
    assert.notDeepEqual(mutate((p) => { p.spec.containers[0].volumeMount = []; }), []);
    assert.notDeepEqual(mutate((p) => { p.spec.containers[0].resources.limits['hugepages-1G'] = '1Gi'; }), []);
    assert.notDeepEqual(mutate((p) => { p.spec.containers[0].resources.limits.cpu = 'four'; }), []);
    assert.notDeepEqual(mutate((p) => { p.spec.volumes[0].emptyDir.medium = 'Hugepages'; }), []);
    assert.notDeepEqual(mutate((p) => { p.spec.restartPolicy = 'Sometimes'; }), []);
    assert.notDeepEqual(mutate((p) => { p.metadata.name = 'Test_PMD'; }), []);
    assert.notDeepEqual(mutate((p) => { p.spec.volumes[0].hostPath = { path: '/x' }; }), []); // two sources
    assert.notDeepEqual(mutate((p) => { p.apiVersion = 'apps/v1'; }), []);
});
test('example pod: Guaranteed QoS, exclusive CPUs, sluice.io/vhost-user, both hugepage sizes, IPC_LOCK', () => {
    const pod = docs('example-pod.yaml')[0];
    assert.deepEqual(guaranteedProblems(pod.spec), []);
    const c = pod.spec.containers[0];
    assert.equal(c.resources.limits['sluice.io/vhost-user'], '1');
    assert.ok(c.resources.limits['hugepages-1Gi'] && c.resources.limits['hugepages-2Mi']);
    assert.deepEqual(c.securityContext.capabilities.add, ['IPC_LOCK']);
    const media = pod.spec.volumes.map((v) => v.emptyDir?.medium);
    assert.deepEqual(media, ['HugePages-1Gi', 'HugePages-2Mi']);
    for (const m of c.volumeMounts)
        assert.ok(pod.spec.volumes.some((v) => v.name === m.name), `mount ${m.name} has a volume`);
    // The checker itself can fail.
    const bad = structuredClone(pod);
    bad.spec.containers[0].resources.requests.cpu = '3500m';
    bad.spec.containers[0].resources.limits.cpu = '3500m';
    bad.spec.containers[0].resources.requests.memory = '1Gi';
    assert.deepEqual(guaranteedProblems(bad.spec), [
        'testpmd: requests.memory 1Gi != limits.memory 2Gi',
        'testpmd: cpu 3500m is not an integer number of CPUs (no exclusive cores)',
    ]);
});
test('daemonset: device plugin wiring, host paths, switch container Guaranteed', () => {
    const ds = docs('sluice-daemonset.yaml').find((d) => d.kind === 'DaemonSet');
    const spec = ds.spec.template.spec;
    assert.deepEqual(ds.spec.selector.matchLabels, ds.spec.template.metadata.labels);
    const vols = new Map(spec.volumes.map((v) => [v.name, v]));
    assert.equal(vols.get('device-plugins').hostPath.path, '/var/lib/kubelet/device-plugins');
    assert.equal(vols.get('sluice-run').hostPath.path, '/var/run/sluice');
    assert.equal(vols.get('sluice-state').hostPath.path, '/var/lib/sluice');
    assert.equal(vols.get('hugepages').emptyDir.medium, 'HugePages-1Gi');
    const dp = spec.containers.find((c) => c.name === 'device-plugin');
    assert.ok(dp.command.includes('device-plugin'));
    assert.deepEqual(dp.volumeMounts.map((m) => m.mountPath).sort(), ['/var/lib/kubelet/device-plugins', '/var/run/sluice']);
    const sw = spec.containers.find((c) => c.name === 'sluice');
    assert.equal(sw.securityContext.privileged, true);
    assert.deepEqual(guaranteedProblems(spec, ['sluice']), []);
    for (const c of spec.containers)
        for (const m of c.volumeMounts)
            assert.ok(vols.has(m.name), `${c.name}: mount ${m.name} has a volume`);
    // Every --flag the manifest passes to the device plugin is one the command knows.
    const known = ['--vhost-user', '--memif', '--numa-nodes', '--domain', '--plugin-dir', '--socket-dir', '--container-dir', '--daemon-socket', '--hugepages', '--root'];
    for (const a of dp.command.filter((x) => x.startsWith('--')))
        assert.ok(known.includes(a.split('=')[0]), a);
    // The device plugin creates ports through the daemon's API socket, which the daemon serves.
    const swCmd = sw.command;
    assert.deepEqual(swCmd.slice(0, 2), ['sluice', 'daemon']);
    const apiSocket = swCmd[swCmd.indexOf('--socket') + 1];
    // The daemon's state directory is the host's, so API-made ports outlive the pod.
    const stateDir = swCmd[swCmd.indexOf('--state-dir') + 1];
    assert.equal(sw.volumeMounts.find((m) => m.name === 'sluice-state')?.mountPath, stateDir);
    assert.ok(dp.command.includes(`--daemon-socket=${apiSocket}`), 'device plugin points at the daemon socket');
    // The daemon's config (the ConfigMap) is a valid desired state.
    const cm = docs('sluice-daemonset.yaml').find((d) => d.kind === 'ConfigMap');
    assert.equal(swCmd[swCmd.indexOf('--config') + 1], `${sw.volumeMounts.find((m) => m.name === 'config').mountPath}/sluice.yaml`);
    assert.doesNotThrow(() => parseState(cm.data['sluice.yaml']));
});
test('compose: two apps sharing the socket volume with Sluice', () => {
    const [c] = docs('compose.yaml');
    const services = c.services;
    assert.deepEqual(Object.keys(services).sort(), ['app-a', 'app-b', 'sluice']);
    const named = new Set(Object.keys(c.volumes ?? {}));
    const sockets = new Set();
    for (const [name, s] of Object.entries(services)) {
        assert.equal(typeof s.image, 'string', `${name}.image`);
        assert.ok(Array.isArray(s.command) && s.command.every((x) => typeof x === 'string'), `${name}.command`);
        assert.match(String(s.cpuset), /^\d+(-\d+)?(,\d+(-\d+)?)*$/, `${name}.cpuset`);
        for (const v of s.volumes) {
            const [src, dst] = v.split(':');
            assert.ok(src.startsWith('/') || named.has(src), `${name}: volume ${src} is declared`);
            assert.ok(dst.startsWith('/'), `${name}: mount target ${dst}`);
        }
        for (const d of (s.depends_on ?? []))
            assert.ok(d in services, `${name}: depends_on ${d}`);
        const env = s.environment;
        if (env?.SLUICE_VHOST_USER_SOCKETS) {
            assert.deepEqual(s.cap_add, ['IPC_LOCK'], `${name}.cap_add`);
            sockets.add(env.SLUICE_VHOST_USER_SOCKETS);
        }
    }
    // Each app's socket is one the switch serves.
    const served = services.sluice.command.filter((x) => x.startsWith('vhost-user:')).map((x) => x.slice('vhost-user:'.length).split(',')[0]);
    assert.deepEqual([...sockets].sort(), served.sort());
});
//# sourceMappingURL=deploy.test.js.map