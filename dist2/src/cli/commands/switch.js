/**
 * `sluice switch --port SPEC --port SPEC ... [--mode patch|bridge] [--stats SECONDS]
 *   [--json FILE] [--duration SECONDS] [--pool N] [--capture PORT:FILE[,dir=rx|tx|both][,filter=EXPR]]...`
 *
 * --workers N serves the queue pairs of multiqueue vhost-user ports on N worker engines
 * (pair q on worker q mod N; a patch of two vhost-user ports runs entirely there), pinned to
 * --cpus LIST (e.g. 2,3 or 2-3) when given, as OVS-DPDK's pmd-cpu-mask.
 *
 * --capture mirrors a port's received (rx) and/or sent (tx) packets into a pcapng file, a
 * FIFO (live: `tshark -r FIFO`) or `-` (stdout); PORT is a port name (p0, p1… or name=) or index.
 *
 * A quick switch from the command line, as testpmd's --vdev. Prints per-port counters
 * every --stats seconds; on SIGINT/SIGTERM (or after --duration) drains, exits 0 and writes
 * the JSON summary `{"ports":[{"name","spec","rx":{packets,bytes},"tx":{...},"drops":{...}}]}`
 * to stdout or --json FILE.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, numberArg } from '../args.js';
import { UsageError, describeError } from '../usage-error.js';
import { loadBuiltins } from '../../runtime/builtin.js';
import { Switch } from '../../switch/switch.js';
import { PortSpecError } from '../../core/port-spec.js';
import { ApplyError, StateError } from '../../runtime/state.js';
import { usage } from '../command-table.js';
import { checkOutputFile } from '../output-file.js';
import { parseCaptureOption } from '../../apps/capture/graph.js';
import { parseCpuList } from '../../host/parse.js';
import { unavailableCpu } from '../../config/load.js';
function rate(n, dt) {
    const r = n / dt;
    return r >= 1e6 ? `${(r / 1e6).toFixed(2)}M` : r >= 1e3 ? `${(r / 1e3).toFixed(1)}k` : r.toFixed(0);
}
function printStats(prev, now, dt) {
    for (const p of now) {
        const q = prev?.find((x) => x.name === p.name);
        const drops = Object.entries(p.drops).map(([k, v]) => `${k}=${v}`).join(' ') || '-';
        console.error(`${p.name.padEnd(6)} rx ${p.rx.packets} (${rate(p.rx.packets - (q?.rx.packets ?? 0), dt)}pps)  tx ${p.tx.packets} (${rate(p.tx.packets - (q?.tx.packets ?? 0), dt)}pps)  drops ${drops}`);
    }
}
export async function main(argv) {
    const { opts, rest } = parseArgs(argv, { port: 'string[]', mode: 'string', stats: 'string', json: 'string', duration: 'string', pool: 'string', capture: 'string[]', 'idle-spell': 'string', 'busy-poll': 'boolean', workers: 'string', cpus: 'string' });
    await loadBuiltins();
    if (rest.length)
        throw new UsageError(`unexpected argument "${rest[0]}" (sluice switch --help)`);
    const specs = opts.port ?? [];
    if (specs.length === 0)
        throw new UsageError(`at least one --port is required (${usage('switch')})`);
    if (opts.json !== undefined)
        checkOutputFile('--json', opts.json);
    const mode = opts.mode ?? 'patch';
    if (mode !== 'patch' && mode !== 'bridge')
        throw new UsageError(`--mode must be patch or bridge, got "${mode}"`);
    const statsSec = numberArg('stats', opts.stats, 0.1, 86400);
    const duration = numberArg('duration', opts.duration, 0, 1e9);
    const poolSize = numberArg('pool', opts.pool, 1024, 1 << 22);
    const workers = numberArg('workers', opts.workers, 0, 64);
    if (workers !== undefined && !Number.isInteger(workers))
        throw new UsageError(`--workers must be a whole number, got "${String(opts.workers)}"`);
    if (workers && mode === 'bridge')
        throw new UsageError('--workers spreads patched vhost-user pairs; bridge mode runs on the main engine only (one learning table)');
    let cpus;
    if (opts.cpus !== undefined) {
        if (!workers)
            throw new UsageError('--cpus pins the worker engines: give --workers N too');
        try {
            cpus = parseCpuList(opts.cpus);
        }
        catch (e) {
            throw new UsageError(`--cpus: ${e.message}`);
        }
        const bad = unavailableCpu(cpus);
        if (bad)
            throw new UsageError(`--cpus: ${bad}`);
    }
    let captures;
    try {
        captures = (opts.capture ?? []).map(parseCaptureOption);
    }
    catch (e) {
        throw new UsageError(e.message);
    }
    // Adaptive polling by default: sleep on the ports' kick/readiness fds after an idle spell.
    // --busy-poll never sleeps (as DPDK PMDs), for benchmarks and latency-critical NFV.
    if (opts['busy-poll'] && opts['idle-spell'] !== undefined)
        throw new UsageError('--busy-poll and --idle-spell exclude each other');
    const idleSpellMs = opts['busy-poll'] ? 0 : numberArg('idle-spell', opts['idle-spell'], 0, 60000);
    const sw = new Switch({
        mode, ...(poolSize ? { poolSize } : {}), ...(idleSpellMs !== undefined ? { runner: { idleSpellMs } } : {}),
        ...(workers ? { workers } : {}), ...(cpus ? { cpus } : {}),
    });
    let at; // the --port being added, to name it in an error
    try {
        for (const s of specs) {
            at = s;
            sw.addPort(s);
        }
        at = undefined;
        for (const c of captures)
            sw.addCapture(c);
        await sw.workersReady();
    }
    catch (thrown) {
        await sw.stop();
        sw.close();
        const e = thrown instanceof ApplyError ? thrown.cause : thrown;
        if (e instanceof StateError || e instanceof PortSpecError || e.name === 'FilterError' || /^capture/.test(e.message) || e instanceof RangeError || e.name === 'PcapError')
            throw new UsageError(e.message);
        // A port that cannot open what it names (a socket directory, an output file): one line naming it.
        const sys = describeError(e);
        if (sys && at !== undefined)
            throw new UsageError(`--port ${at}: ${e.name === 'SysError' ? e.message : sys.message}`, 1, sys.code);
        throw e;
    }
    sw.start();
    let prev;
    let last = performance.now();
    const statsTimer = statsSec ? setInterval(() => {
        const now = performance.now();
        const s = sw.summary().ports;
        printStats(prev, s, (now - last) / 1000);
        prev = s;
        last = now;
    }, statsSec * 1000) : undefined;
    await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
        if (duration !== undefined)
            setTimeout(resolve, duration * 1000);
    });
    if (statsTimer)
        clearInterval(statsTimer);
    const summary = await sw.stop();
    sw.close();
    const text = JSON.stringify(summary);
    if (opts.json)
        writeFileSync(opts.json, text + '\n');
    else
        console.log(text);
    return 0;
}
//# sourceMappingURL=switch.js.map