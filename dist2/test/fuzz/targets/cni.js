/**
 * CNI requests as the container runtime gives them to sluice-cni: environment lines
 * (`KEY=VALUE`, CNI_COMMAND, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME, CNI_PATH, CNI_ARGS) up
 * to an empty line, then the network config on stdin → parseRequest.
 *
 * Survives: only CniError escapes (sluice-cni prints it as the CNI error JSON), with a
 * message naming the variable or the config field, not wrapping an internal error.
 */
import { parseRequest } from '../../../src/cni/config.js';
import { CniError } from '../../../src/cni/errors.js';
import { bytes, documented, text } from '../harness/target.js';
function run(data) {
    const t = text(data);
    const cut = t.indexOf('\n\n');
    const envText = cut < 0 ? t : t.slice(0, cut);
    const stdin = cut < 0 ? '' : t.slice(cut + 2);
    const env = {};
    for (const line of envText.split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0)
            env[line.slice(0, eq)] = line.slice(eq + 1);
    }
    parseRequest(env, stdin);
}
const ENV = 'CNI_COMMAND=ADD\nCNI_CONTAINERID=c0ffee\nCNI_NETNS=/var/run/netns/p1\nCNI_IFNAME=eth1\nCNI_PATH=/opt/cni/bin\n';
export const target = {
    name: 'cni',
    covers: ['/src/cni/config', '/src/cni/errors'],
    maxLen: 2048,
    dict: ['CNI_COMMAND=', 'CNI_CONTAINERID=', 'CNI_NETNS=', 'CNI_IFNAME=', 'CNI_PATH=', 'CNI_ARGS=', 'ADD', 'DEL', 'CHECK', 'VERSION',
        '"cniVersion"', '"name"', '"type"', '"mode"', '"veth"', '"vhost-user"', '"memif"', '"ipam"', '"mtu"', '"queues"', '"mac"', '"prevResult"',
        '"socketDir"', '"1.0.0"', '"0.3.1"', 'MAC=02:00:00:00:00:01', 'IgnoreUnknown=1;', '__proto__', 'null', '[]', '{}'],
    seeds: () => [
        `${ENV}\n{"cniVersion":"1.0.0","name":"sluice","type":"sluice-cni","mode":"veth","mtu":1500,"ipam":{"type":"host-local","subnet":"10.1.0.0/24"}}`,
        `${ENV}CNI_ARGS=IgnoreUnknown=1;MAC=02:00:00:00:00:09\n\n{"cniVersion":"0.4.0","name":"s","type":"sluice-cni","mode":"vhost-user","queues":2}`,
        `CNI_COMMAND=CHECK\nCNI_CONTAINERID=x\nCNI_NETNS=/n\nCNI_IFNAME=net1\nCNI_PATH=/b\n\n{"cniVersion":"1.0.0","name":"s","type":"sluice-cni","mode":"memif","prevResult":{"interfaces":[]}}`,
    ].map(bytes),
    run,
    expected: documented(CniError, /\S/),
};
//# sourceMappingURL=cni.js.map