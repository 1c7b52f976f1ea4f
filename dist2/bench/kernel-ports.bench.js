/**
 * Kernel-port forwarding benchmark (needs root): packets per second delivered from one
 * network namespace to another through
 *   1. a Linux bridge (veth ─ br ─ veth), the baseline, in the same run;
 *   2. Sluice with AF_PACKET ports on the same veth pairs (`sluice switch`, its own process);
 *   3. Sluice with TAP ports (one TAP moved into each namespace).
 * The traffic comes from a Sluice generator inside the sender namespace writing to its
 * interface through AF_PACKET: the kernel has no pktgen here (qdisc bypass into a TAP stalls,
 * so the generator goes through the qdisc). Delivered =
 * rx_packets of the receiver's interface over the middle of the run; offered = tx_packets
 * of the sender's. Both processes share the machine's CPUs, so the figures are a ratio
 * more than an absolute.
 *
 * Run: npx tsc -p . && node dist/bench/kernel-ports.bench.js [--seconds 5] [--size 64] [--mode patch|bridge]
 * Prints `<case> mpps=<delivered> offered_mpps=<offered> loss=<%>` per case.
 */
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
const SLUICE = fileURLToPath(new URL('../../bin/sluice.js', import.meta.url));
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const SECONDS = Number(arg('seconds', '5'));
const SIZE = Number(arg('size', '64'));
const MODE = arg('mode', 'patch');
const tag = `kb${(process.pid % 1000).toString(36)}`;
const NS_G = `${tag}-g`, NS_R = `${tag}-r`;
const children = [];
const sh = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const nsx = (ns, args) => sh('ip', ['netns', 'exec', ns, ...args]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stat = (ns, dev, what) => Number(nsx(ns, ['cat', `/sys/class/net/${dev}/statistics/${what}`]).trim());
const PING = ['/usr/bin/ping', '/bin/ping'].some((p) => { try {
    sh('test', ['-x', p]);
    return true;
}
catch {
    return false;
} }) ? ['ping'] : ['busybox', 'ping'];
const ping1 = (ns, ip) => { try {
    nsx(ns, [...PING, '-c', '1', '-W', '2', ip]);
}
catch { /* learning only */ } };
const mac = (ns, dev) => nsx(ns, ['cat', `/sys/class/net/${dev}/address`]).trim();
function cleanup() {
    for (const c of children) {
        try {
            c.kill('SIGKILL');
        }
        catch { /* gone */ }
    }
    for (const l of [`${tag}gh`, `${tag}rh`, `${tag}br`, `${tag}t1`, `${tag}t2`]) {
        try {
            sh('ip', ['link', 'del', l]);
        }
        catch { /* absent */ }
    }
    for (const n of [NS_G, NS_R]) {
        try {
            sh('ip', ['netns', 'del', n]);
        }
        catch { /* absent */ }
    }
}
function setupNamespaces() {
    for (const n of [NS_G, NS_R]) {
        sh('ip', ['netns', 'add', n]);
        nsx(n, ['ip', 'link', 'set', 'lo', 'up']);
    }
    for (const [ns, h, p, ip] of [[NS_G, `${tag}gh`, 'g0', '10.250.0.1/24'], [NS_R, `${tag}rh`, 'r0', '10.250.0.2/24']]) {
        sh('ip', ['link', 'add', h, 'type', 'veth', 'peer', 'name', p]);
        sh('ip', ['link', 'set', p, 'netns', ns]);
        nsx(ns, ['ip', 'addr', 'add', ip, 'dev', p]);
        nsx(ns, ['ip', 'link', 'set', p, 'up']);
        sh('ip', ['link', 'set', h, 'up']);
    }
}
function start(args, ns) {
    const argv = ns ? ['netns', 'exec', ns, process.execPath, SLUICE, ...args] : [SLUICE, ...args];
    const c = spawn(ns ? 'ip' : process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SLUICE_QUIET: '1' } });
    children.push(c);
    return c;
}
async function stopChild(c) {
    if (c.exitCode !== null)
        return;
    const done = new Promise((r) => c.on('exit', r));
    c.kill('SIGTERM');
    await Promise.race([done, sleep(5000)]);
    if (c.exitCode === null)
        c.kill('SIGKILL');
}
/** Run the generator in NS_G on `dev` toward `dstMac`; measure the middle of the run at `rxNs/rxDev`. */
async function measure(name, genDev, dstMac, rxNs, rxDev) {
    const gen = start(['switch', '--port', `gen:size=${SIZE},flows=64,dst-mac=${dstMac}`, '--port', `af-packet:${genDev}`, '--duration', String(SECONDS + 2)], NS_G);
    await sleep(1500);
    const rx0 = stat(rxNs, rxDev, 'rx_packets'), tx0 = stat(NS_G, genDev, 'tx_packets');
    const t0 = performance.now();
    await sleep(SECONDS * 1000);
    const rx1 = stat(rxNs, rxDev, 'rx_packets'), tx1 = stat(NS_G, genDev, 'tx_packets');
    const s = (performance.now() - t0) / 1000;
    await stopChild(gen);
    const delivered = (rx1 - rx0) / s / 1e6, offered = (tx1 - tx0) / s / 1e6;
    console.log(`${name} mpps=${delivered.toFixed(3)} offered_mpps=${offered.toFixed(3)} loss=${offered > 0 ? ((1 - delivered / offered) * 100).toFixed(1) : '0'}% size=${SIZE}`);
}
async function main() {
    if (process.getuid?.() !== 0) {
        console.log('kernel-ports: skipped (needs root)');
        return;
    }
    cleanup();
    setupNamespaces();
    const rMac = mac(NS_R, 'r0');
    // 1. Linux bridge.
    sh('ip', ['link', 'add', `${tag}br`, 'type', 'bridge']);
    for (const h of [`${tag}gh`, `${tag}rh`])
        sh('ip', ['link', 'set', h, 'master', `${tag}br`]);
    sh('ip', ['link', 'set', `${tag}br`, 'up']);
    ping1(NS_R, '10.250.0.1'); // teach the bridge where r0 is
    await measure('linux-bridge', 'g0', rMac, NS_R, 'r0');
    sh('ip', ['link', 'del', `${tag}br`]);
    // 2. Sluice, AF_PACKET ports on the same veths.
    const sw = start(['switch', '--mode', MODE, '--port', `af-packet:${tag}gh,qdisc-bypass`, '--port', `af-packet:${tag}rh,qdisc-bypass`]);
    await sleep(1500);
    ping1(NS_R, '10.250.0.1');
    await measure(`sluice-af-packet-${MODE}`, 'g0', rMac, NS_R, 'r0');
    await stopChild(sw);
    // 3. Sluice, TAP ports (created by Sluice, then moved into the namespaces).
    const tsw = start(['switch', '--mode', MODE, '--port', `tap:${tag}t1`, '--port', `tap:${tag}t2`]);
    for (let i = 0; i < 50; i++) {
        try {
            sh('ip', ['link', 'show', `${tag}t2`]);
            break;
        }
        catch {
            await sleep(100);
        }
    }
    for (const [t, ns, ip] of [[`${tag}t1`, NS_G, '10.251.0.1/24'], [`${tag}t2`, NS_R, '10.251.0.2/24']]) {
        sh('ip', ['link', 'set', t, 'netns', ns]);
        nsx(ns, ['ip', 'addr', 'add', ip, 'dev', t]);
        nsx(ns, ['ip', 'link', 'set', t, 'up']);
    }
    ping1(NS_R, '10.251.0.1');
    await measure(`sluice-tap-${MODE}`, `${tag}t1`, mac(NS_R, `${tag}t2`), NS_R, `${tag}t2`);
    await stopChild(tsw);
}
try {
    await main();
}
finally {
    cleanup();
}
//# sourceMappingURL=kernel-ports.bench.js.map