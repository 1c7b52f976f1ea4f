/**
 * `sluice switch --port SPEC --port SPEC ... [--mode patch|bridge] [--stats SECONDS]
 *   [--json FILE] [--duration SECONDS] [--pool N] [--capture PORT:FILE[,dir=rx|tx|both][,filter=EXPR]]...`
 *
 * --workers N serves the queue pairs of multiqueue vhost-user ports on N worker engines
 * (pair q on worker q mod N; a patch of two vhost-user ports runs entirely there), pinned to
 * --cpus LIST (e.g. 2,3 or 2-3) when given, as OVS-DPDK's pmd-cpu-mask.
 *
 * --bpf PORT:FILE.o[,section=NAME][,program=NAME] runs an XDP program (clang -target bpf) on what
 * PORT receives: XDP_PASS forwards, XDP_DROP drops (`filtered`), XDP_TX sends it back out of
 * PORT, XDP_REDIRECT out of the port its devmap names (ports numbered from 1).
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
import { Switch, type PortSummary } from '../../switch/switch.js';
import { balanceLine } from '../../core/accounting.js';
import { PortSpecError } from '../../core/port-spec.js';
import { ApplyError, StateError } from '../../runtime/state.js';
import { usage } from '../command-table.js';
import { checkOutputFile } from '../output-file.js';
import { parseCaptureOption } from '../../apps/capture/graph.js';
import { parseBpfOption } from '../../apps/bpf/graph.js';
import { parseCpuList } from '../../host/parse.js';
import { unavailableCpu } from '../../runtime/place.js';


function rate(n: number, dt: number): string {
  const r = n / dt;
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)}M` : r >= 1e3 ? `${(r / 1e3).toFixed(1)}k` : r.toFixed(0);
}

function printStats(prev: PortSummary[] | undefined, now: PortSummary[], dt: number): void {
  for (const p of now) {
    const q = prev?.find((x) => x.name === p.name);
    const drops = Object.entries(p.drops).map(([k, v]) => `${k}=${v}`).join(' ') || '-';
    console.error(`${p.name.padEnd(6)} rx ${p.rx.packets} (${rate(p.rx.packets - (q?.rx.packets ?? 0), dt)}pps)  tx ${p.tx.packets} (${rate(p.tx.packets - (q?.tx.packets ?? 0), dt)}pps)  drops ${drops}`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const { opts, rest } = parseArgs(argv, { port: 'string[]', mode: 'string', stats: 'string', json: 'string', duration: 'string', pool: 'string', capture: 'string[]', bpf: 'string[]', 'idle-spell': 'string', 'busy-poll': 'boolean', workers: 'string', cpus: 'string' });
  await loadBuiltins();
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}" (sluice switch --help)`);
  const specs = (opts.port as string[] | undefined) ?? [];
  if (specs.length === 0) throw new UsageError(`at least one --port is required (${usage('switch')})`);
  if (opts.json !== undefined) checkOutputFile('--json', opts.json as string);
  const mode = (opts.mode as string | undefined) ?? 'patch';
  if (mode !== 'patch' && mode !== 'bridge') throw new UsageError(`--mode must be patch or bridge, got "${mode}"`);
  const statsSec = numberArg('stats', opts.stats as string | undefined, 0.1, 86400);
  const duration = numberArg('duration', opts.duration as string | undefined, 0, 1e9);
  const poolSize = numberArg('pool', opts.pool as string | undefined, 1024, 1 << 22);
  const workers = numberArg('workers', opts.workers as string | undefined, 0, 64);
  if (workers !== undefined && !Number.isInteger(workers)) throw new UsageError(`--workers must be a whole number, got "${String(opts.workers)}"`);
  if (workers && mode === 'bridge') throw new UsageError('--workers spreads patched vhost-user pairs; bridge mode runs on the main engine only (one learning table)');
  let cpus: number[] | undefined;
  if (opts.cpus !== undefined) {
    if (!workers) throw new UsageError('--cpus pins the worker engines: give --workers N too');
    try { cpus = parseCpuList(opts.cpus as string); } catch (e) { throw new UsageError(`--cpus: ${(e as Error).message}`); }
    const bad = unavailableCpu(cpus);
    if (bad) throw new UsageError(`--cpus: ${bad}`);
  }
  let captures: ReturnType<typeof parseCaptureOption>[];
  try { captures = ((opts.capture as string[] | undefined) ?? []).map(parseCaptureOption); } catch (e) { throw new UsageError((e as Error).message); }
  let hooks: ReturnType<typeof parseBpfOption>[];
  try { hooks = ((opts.bpf as string[] | undefined) ?? []).map(parseBpfOption); } catch (e) { throw new UsageError((e as Error).message); }

  // Adaptive polling by default: sleep on the ports' kick/readiness fds after an idle spell.
  // --busy-poll never sleeps (as DPDK PMDs), for benchmarks and latency-critical NFV.
  if (opts['busy-poll'] && opts['idle-spell'] !== undefined) throw new UsageError('--busy-poll and --idle-spell exclude each other');
  const idleSpellMs = opts['busy-poll'] ? 0 : numberArg('idle-spell', opts['idle-spell'] as string | undefined, 0, 60000);
  const sw = new Switch({
    mode, ...(poolSize ? { poolSize } : {}), ...(idleSpellMs !== undefined ? { runner: { idleSpellMs } } : {}),
    ...(workers ? { workers } : {}), ...(cpus ? { cpus } : {}),
  });
  let at: string | undefined; // the --port being added, to name it in an error
  try {
    for (const s of specs) { at = s; sw.addPort(s); }
    at = undefined;
    for (const h of hooks) { at = `--bpf ${h.port}:${h.file}`; sw.addBpf(h); }
    at = undefined;
    for (const c of captures) sw.addCapture(c);
    await sw.workersReady();
  } catch (thrown) {
    await sw.stop();
    sw.close();
    const e = thrown instanceof ApplyError ? thrown.cause : thrown;
    if (at?.startsWith('--bpf') && e instanceof Error && /^(BpfError|BpfObjectError|VerifierError|Error)$/.test(e.name) && !describeError(e)) throw new UsageError(`${at}: ${e.message}`);
    if (e instanceof StateError || e instanceof PortSpecError || (e as Error).name === 'FilterError' || /^capture/.test((e as Error).message) || e instanceof RangeError || (e as Error).name === 'PcapError') throw new UsageError((e as Error).message);
    // A port that cannot open what it names (a socket directory, an output file): one line naming it.
    const sys = describeError(e);
    if (sys && at !== undefined) throw new UsageError(`--port ${at}: ${(e as Error).name === 'SysError' ? (e as Error).message : sys.message}`, 1, sys.code);
    throw e;
  }
  sw.start();
  let prev: PortSummary[] | undefined;
  let last = performance.now();
  const statsTimer = statsSec ? setInterval(() => {
    const now = performance.now();
    const s = sw.summary().ports;
    printStats(prev, s, (now - last) / 1000);
    prev = s; last = now;
  }, statsSec * 1000) : undefined;

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (duration !== undefined) setTimeout(resolve, duration * 1000);
  });
  if (statsTimer) clearInterval(statsTimer);
  const summary = await sw.stop();
  sw.close();
  const a = summary.accounting;
  if (a.off !== 0 || a.unbalanced.length > 0) console.error(`sluice: accounting: ${balanceLine(a, a.unbalanced)}`);
  const text = JSON.stringify(summary);
  if (opts.json) writeFileSync(opts.json as string, text + '\n');
  else console.log(text);
  return 0;
}
