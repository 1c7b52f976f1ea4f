/**
 * Minimal stand-alone patch switch for interop tests and benchmarks until (and besides)
 * `sluice switch`: two vhost-user ports, every frame from one guest goes to the other by the
 * single-copy path. Polls while busy, backs off to 1 ms naps when idle.
 *
 * usage: node dist/test/support/vhost-patch-switch.js PATH0[,client] PATH1[,client] [--stats-file F]
 * On SIGTERM/SIGINT it prints one JSON line of counters and exits.
 */
import { writeFileSync } from 'node:fs';
import { VhostUserPort } from '../../src/drivers/vhost-user/port.js';
function parse(arg) {
    const [path, ...opts] = arg.split(',');
    let queuePairs = 1;
    for (const o of opts)
        if (o.startsWith('queues='))
            queuePairs = Number(o.slice(7));
    return { path: path, client: opts.includes('client'), queuePairs };
}
const args = process.argv.slice(2);
const statsIdx = args.indexOf('--stats-file');
const statsFile = statsIdx >= 0 ? args[statsIdx + 1] : undefined;
const portArgs = statsIdx < 0 ? args : args.filter((_, i) => i !== statsIdx && i !== statsIdx + 1);
const ports = portArgs.map((a) => new VhostUserPort({ ...parse(a), log: (m) => console.error(`[${a}] ${m}`) }));
for (const p of ports)
    p.start();
const [a, b] = ports;
function counters() {
    return ports.map((p) => {
        const io = p.device.io;
        return {
            path: p.opts.path, rx: io.fromGuestPackets, rxBytes: io.fromGuestBytes, tx: io.toGuestPackets,
            txBytes: io.toGuestBytes, noGuestBuffer: io.noGuestBuffer, tooBig: io.tooBig,
            quarantined: p.device.quarantined, connects: p.connects, disconnects: p.disconnects,
            features: `0x${p.device.lastFeatures.toString(16)}`, protocolFeatures: `0x${p.device.lastProtocolFeatures.toString(16)}`,
        };
    });
}
let idle = 0;
function loop() {
    let moved = 0;
    for (let i = 0; i < 256; i++) {
        const m = a.forwardTo(b, 32) + b.forwardTo(a, 32);
        moved += m;
        if (m === 0)
            break;
    }
    if (moved === 0)
        idle++;
    else
        idle = 0;
    // Spin ~tens of ms before napping: in a closed loop a nap lets rings fill up.
    if (idle > 20000)
        setTimeout(loop, 1);
    else
        setImmediate(loop);
}
loop();
function finish() {
    const line = JSON.stringify({ ports: counters() });
    if (statsFile)
        writeFileSync(statsFile, line + '\n');
    console.log(line);
    for (const p of ports)
        p.stop();
    process.exit(0);
}
process.on('SIGTERM', finish);
process.on('SIGINT', finish);
process.on('SIGUSR1', () => console.log(JSON.stringify({ ports: counters() })));
//# sourceMappingURL=vhost-patch-switch.js.map