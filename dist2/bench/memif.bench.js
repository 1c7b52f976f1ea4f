/**
 * memif throughput: Sluice as the memif receiver next to testpmd as the receiver, in the
 * same run, alternating (A B A B…) so both see the same host noise.
 *
 *   generator: dpdk-testpmd net_memif role=client, txonly, 64-byte frames, pinned to CPU 0
 *   receiver A: dpdk-testpmd net_memif role=server, rxonly, pinned to CPU 1
 *   receiver B: sluice switch --port memif:SOCK,role=server --port sink, pinned to CPU 1
 *
 * The rate is the generator's TX-packets delta over the window (what the receiver drained
 * from the ring), read with `show port stats 0` at both ends of the window — the same
 * measurement for both receivers. Prints one line per run and the ratio of medians.
 *
 * Run (root, needs dpdk-testpmd): npx tsc -p . && node dist/bench/memif.bench.js [-d SECS] [-r ROUNDS]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? Number(process.argv[i + 1]) : d; };
const WINDOW = arg('-d', 5), ROUNDS = arg('-r', 3), WARMUP = 2;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const repo = new URL('../../', import.meta.url).pathname;
class Proc {
    child;
    out = '';
    exited;
    constructor(child) {
        this.child = child;
        child.stdout?.on('data', (d) => { this.out += String(d); });
        child.stderr?.on('data', (d) => { this.out += String(d); });
        this.exited = new Promise((r) => child.on('exit', () => r()));
    }
    cmd(l) { this.child.stdin?.write(l + '\n'); }
    async waitFor(re, ms, from = 0) {
        const end = Date.now() + ms;
        while (!re.test(this.out.slice(from))) {
            if (Date.now() > end || this.child.exitCode !== null)
                return false;
            await sleep(20);
        }
        return true;
    }
    async stop(sig = 'SIGINT') {
        if (this.child.exitCode === null)
            this.child.kill(sig);
        await Promise.race([this.exited, sleep(5000)]);
        if (this.child.exitCode === null && this.child.signalCode === null)
            this.child.kill('SIGKILL');
    }
}
function testpmd(cpu, vdev, prefix, interactive, fwd) {
    const args = ['-oL', 'taskset', '-c', String(cpu), 'dpdk-testpmd', `--lcores=0@${cpu},1@${cpu}`, '--no-pci', '--no-huge', '-m', '512',
        `--file-prefix=${prefix}`, '--vdev', vdev, '--', '--nb-cores=1', '--total-num-mbufs=16384', '--burst=32', '--txpkts=64'];
    if (interactive)
        args.push('-i');
    else
        args.push(`--forward-mode=${fwd}`, '--auto-start', '--stats-period=60');
    return new Proc(spawn('stdbuf', args, { stdio: ['pipe', 'pipe', 'pipe'] }));
}
function txPackets(out) {
    const m = [...out.matchAll(/TX-packets:\s+(\d+)/g)];
    return m.length ? Number(m[m.length - 1][1]) : NaN;
}
async function run(kind, round) {
    const dir = mkdtempSync(join(tmpdir(), 'memif-bench-'));
    const sock = join(dir, 'm.sock');
    let rx;
    if (kind === 'testpmd')
        rx = testpmd(1, `net_memif0,role=server,socket=${sock},socket-abstract=no,rsize=10,bsize=2048`, `mb-rx-${process.pid}-${round}`, false, 'rxonly');
    else
        rx = new Proc(spawn('taskset', ['-c', '1', process.execPath, join(repo, 'bin/sluice.js'), 'switch', '--port', `memif:${sock},role=server,ring-size=1024`, '--port', 'sink'], { stdio: ['ignore', 'pipe', 'pipe'] }));
    for (let i = 0; i < 200 && !existsSync(sock); i++)
        await sleep(50);
    await sleep(300); // bind() creates the file before listen(); a connect in between is refused
    const gen = testpmd(0, `net_memif0,role=client,socket=${sock},socket-abstract=no,rsize=10,bsize=2048`, `mb-gen-${process.pid}-${round}`, true, 'txonly');
    let mpps = NaN;
    try {
        if (!(await gen.waitFor(/testpmd> /, 20000)))
            throw new Error(`generator did not start:\n${gen.out.slice(-1500)}`);
        if (!(await gen.waitFor(/Port 0: link state change event|Port 0 Link up|Link status/i, 3000))) { /* link message is optional */ }
        gen.cmd('set fwd txonly');
        gen.cmd('start');
        await sleep(WARMUP * 1000);
        let from = gen.out.length;
        gen.cmd('show port stats 0');
        await gen.waitFor(/Tx-pps/, 5000, from);
        const t0 = performance.now();
        const a = txPackets(gen.out.slice(from));
        await sleep(WINDOW * 1000);
        from = gen.out.length;
        gen.cmd('show port stats 0');
        await gen.waitFor(/Tx-pps/, 5000, from);
        const t1 = performance.now();
        const b = txPackets(gen.out.slice(from));
        mpps = (b - a) / ((t1 - t0) / 1000) / 1e6;
        gen.cmd('stop');
        await gen.waitFor(/Done\./, 5000);
        gen.cmd('quit');
    }
    finally {
        await gen.stop('SIGTERM');
        await rx.stop('SIGINT');
        rmSync(dir, { recursive: true, force: true });
    }
    return mpps;
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const res = { testpmd: [], sluice: [] };
const perRound = [];
for (let r = 0; r < ROUNDS; r++) {
    const t = await run('testpmd', r);
    const s = await run('sluice', r);
    res.testpmd.push(t);
    res.sluice.push(s);
    perRound.push(s / t);
    console.log(`round=${r} receiver=testpmd mpps=${t.toFixed(3)}`);
    console.log(`round=${r} receiver=sluice mpps=${s.toFixed(3)} ratio=${(s / t).toFixed(2)}`);
}
const mt = median(res.testpmd), ms = median(res.sluice);
console.log(`median testpmd=${mt.toFixed(3)} Mpps sluice=${ms.toFixed(3)} Mpps ratio sluice/testpmd=${(ms / mt).toFixed(2)} per_round_median=${median(perRound).toFixed(2)} (64B, memif testpmd txonly client -> receiver server, window ${WINDOW}s)`);
//# sourceMappingURL=memif.bench.js.map