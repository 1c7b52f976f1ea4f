/**
 * `sluice daemon [--state-dir DIR] [--config FILE] [--socket PATH] [--socket-mode 0660] [--socket-group GROUP]
 *                [--metrics HOST:PORT|off] [--idle-spell-ms N] [--max-sleep-ms N] [--pool BUFFERS]
 *                [--workers N [--worker-cpus LIST]]`
 *
 * --workers N: worker engines serving the queue pairs of vhost-user ports joined by a patch
 * bridge (pair q on worker q mod N), pinned to --worker-cpus (e.g. 2-3) when given.
 *
 * Runs the switch in the foreground (systemd Type=simple; see deploy/systemd/sluice.service),
 * serves the management API on the unix socket (default /run/sluice/api.sock, mode 0600
 * unless --socket-mode/--socket-group say otherwise) and Prometheus metrics (default
 * 127.0.0.1:9469). Logs JSON lines on stderr.
 *
 * State: the desired state lives in --state-dir (default /var/lib/sluice for root, else
 * $XDG_STATE_HOME/sluice or ~/.local/state/sluice), locked for this daemon alone and saved
 * before every API answer (src/ctl/state-store.ts). A start resumes that state. --config FILE
 * (YAML desired state, src/ctl/model.ts) seeds a state directory that holds no state yet; once
 * there is one, the file is not applied at start (a log line says so; use `sluice apply`).
 * Start flags (--socket, --metrics, --pool, --workers...) override the saved settings.
 * SIGHUP applies the config file the way `sluice apply FILE` does without --prune: objects in
 * the file are created or updated, nothing else is removed (the kept ones are logged).
 * SIGINT/SIGTERM stop cleanly (exit 0). A bad config exits 2 with one line naming the field;
 * a state directory held by another daemon, or a state file that is corrupt or in a newer
 * format, exits 1 with one line naming it. An API socket or metrics address that cannot be
 * listened on (missing directory, address in use) exits 1 with one line naming it, after
 * stopping what had started: no socket left behind, the state directory unlocked.
 *
 * --handover: take over the running daemon of this state directory instead of starting cold:
 * it hands its vhost-user ports (connections, guest memory, ring indices) over a unix socket
 * and exits; the guests see no disconnect (src/ctl/handover.ts). Every daemon serves that.
 *
 * --allow-dir DIR (repeatable; api.allowDirs): where callers other than root and the
 * daemon's user may name files and sockets (see src/ctl/access.ts); default none.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, numberArg } from '../args.js';
import { UsageError } from '../usage-error.js';
import { parseCpuList } from '../../host/parse.js';
import { unavailableCpu } from '../../runtime/place.js';
import { Daemon, jsonLogger, upMs } from '../../ctl/daemon.js';
import { parseState, validateState, StateError, type DesiredState } from '../../ctl/model.js';
import { StateStore, StateStoreError, defaultStateDir } from '../../ctl/state-store.js';
import { DEFAULT_SOCKET } from '../../ctl/api-client.js';
import { ApiError } from '../../ctl/api-server.js';
import { serveHandover, takeHandover } from '../../ctl/handover.js';
import { loadBuiltins } from '../../runtime/builtin.js';
import { createSharedPool, type SharedPool } from '../../core/shared-pool.js';
import { DEFAULT_BUF_SIZE } from '../../core/packet.js';
import { appTypeNames } from '../../core/registry.js';
import { resolveClass } from '../../core/engine.js';
import { handOverAll, dropUnadopted } from '../../drivers/vhost-user/index.js';
import { poller } from '../../sys/index.js';

function readConfig(file: string): DesiredState {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new UsageError(`--config: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  try { return parseState(text, file); } catch (e) { throw new UsageError((e as Error).message); }
}

export async function main(argv: string[]): Promise<number> {
  const { opts, rest } = parseArgs(argv, {
    config: 'string', 'state-dir': 'string', socket: 'string', 'socket-mode': 'string', 'socket-group': 'string', metrics: 'string',
    'idle-spell-ms': 'string', 'max-sleep-ms': 'string', pool: 'string', workers: 'string', 'worker-cpus': 'string', 'allow-dir': 'string[]',
    handover: 'boolean',
  }, { '-c': '--config' });
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}" (sluice daemon --help)`);
  const file = opts.config as string | undefined;
  const seed: DesiredState = file ? readConfig(file) : { version: 1 };
  // Check the flags on the seed before the state directory is touched: a bad flag writes nothing.
  const dry = structuredClone(seed);
  applyFlags(dry, opts);
  try { validateState(dry); } catch (e) { throw new UsageError((e as Error).message); }
  const log = jsonLogger();
  // The fd poller's thread boots while the pool is made and the state loaded, not after.
  poller();
  // From here a SIGINT/SIGTERM, even one during the start, ends in a clean stop (the socket
  // is listening before the start returns: a signal must not find the default handler).
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  let d: Daemon | undefined;
  process.on('SIGHUP', () => {
    if (!file || !d) { log({ level: 'warn', event: 'reload-skipped', reason: !file ? 'no --config file' : 'still starting' }); return; }
    const daemon = d;
    void (async () => {
      try {
        const next = readConfig(file);
        next.api = daemon.state.api; // the socket stays as started
        const r = await daemon.reload(next);
        log({ event: 'reloaded', file, changes: r.changes.length, kept: r.kept.map((c) => c.path) });
      } catch (e) {
        log({ level: 'error', event: 'reload-failed', file, error: (e as Error).message });
      }
    })();
  });
  const stateDir = (opts['state-dir'] as string | undefined) ?? defaultStateDir();
  let early: SharedPool | undefined;
  let oldGone: Promise<void> | undefined;
  if (opts.handover) {
    // Everything slow happens before the old daemon stops its rings: the code is loaded
    // and the packet pool made (its size from --pool or the saved state, read unlocked).
    await loadBuiltins();
    await Promise.all(['../../apps/capture/graph.js', '../../apps/flow-table/flow-parser.js'].map((m) => import(m).catch(() => undefined)));
    // App argument schemas compile on first use: compile them now (empty args fail, the compile stays).
    for (const type of appTypeNames()) { try { resolveClass('handover', { type, args: {} }); } catch { /* compiled */ } }
    early = createSharedPool(numberArg('pool', opts.pool as string | undefined, 1024, 1 << 22) ?? savedPoolSize(stateDir) ?? 16384, DEFAULT_BUF_SIZE, { quiet: true });
    const t0 = performance.now();
    try {
      const r = await takeHandover(resolve(stateDir));
      oldGone = r.exited.catch((e: Error) => { throw new UsageError(e.message, 1); });
      log({ event: 'took-over', ports: r.ports, ms: +(performance.now() - t0).toFixed(1), ...(r.refused.length ? { refused: r.refused } : {}), upMs: upMs() });
    } catch (e) { throw new UsageError((e as Error).message, 1); }
  }
  const store = openStore(stateDir);
  let state: DesiredState;
  try {
    state = startState(store, seed, file, log);
    applyFlags(state, opts);
  } catch (e) { store.close(); throw e; }

  try {
    const made = await Daemon.create(state, { log, store, ...(early ? { pool: early } : {}), ...(oldGone ? { listenAfter: oldGone } : {}) });
    await made.start();
    d = made;
    const gone = dropUnadopted();
    if (gone.length) log({ level: 'warn', event: 'handover-unadopted', paths: gone, reason: 'no port of the state has these sockets any more' });
  } catch (e) {
    store.close();
    if (e instanceof ApiError && e.code === 'unavailable') throw new UsageError(e.message, 1, e.code);
    // The saved state names a file its owner may no longer use (access.ts): start nothing.
    if (e instanceof ApiError && e.code === 'forbidden') throw new UsageError(`${store.file}: ${e.message}`, 1, e.code);
    if (e instanceof StateError || e instanceof ApiError) throw new UsageError(e.message);
    if (e instanceof StateStoreError) throw new UsageError(e.message, 1);
    throw e;
  }
  let handover: { close(): void } | undefined;
  try {
    // The lock goes before "done": the new daemon opens the state as soon as it hears that.
    handover = serveHandover(store.dir, handOverAll, log, () => store.close(), () => process.exit(0));
  } catch (e) { log({ level: 'warn', event: 'handover-unavailable', error: (e as Error).message }); }
  await stopRequested;
  handover?.close();
  await d.stop();
  store.close();
  return 0;
}

/** engine.poolSize of the state saved in `dir`, read without the lock (a hint: the daemon checks it). */
function savedPoolSize(dir: string): number | undefined {
  try { return (JSON.parse(readFileSync(resolve(dir, 'state.json'), 'utf8')) as { state?: DesiredState }).state?.engine?.poolSize; } catch { return undefined; }
}

function openStore(dir: string): StateStore {
  try { return StateStore.open(dir); } catch (e) {
    if (e instanceof StateStoreError) throw new UsageError(e.message, 1);
    throw e;
  }
}

/** The saved state if the directory has one (then --config is not applied), else the seed. */
function startState(store: StateStore, seed: DesiredState, file: string | undefined, log: ReturnType<typeof jsonLogger>): DesiredState {
  let saved: DesiredState | undefined;
  try { saved = store.load(); } catch (e) {
    if (e instanceof StateStoreError) throw new UsageError(e.message, 1);
    throw e;
  }
  if (!saved) {
    if (file) log({ event: 'state-seeded', file, stateDir: store.dir });
    return seed;
  }
  if (file) log({ level: 'warn', event: 'config-not-seeded', file, stateDir: store.dir, reason: 'the state directory already holds a state; --config only seeds an empty one (sluice apply FILE changes a running daemon)' });
  log({ event: 'state-loaded', file: store.file, ports: Object.keys(saved.ports ?? {}).length, upMs: upMs() });
  return saved;
}

/** Start flags override the settings of the state (they are fixed at start). */
function applyFlags(state: DesiredState, opts: Record<string, string | string[] | boolean>): void {
  const api = { ...(state.api ?? {}) };
  if (opts.socket) api.socket = opts.socket as string;
  api.socket ??= DEFAULT_SOCKET;
  if (opts['socket-mode']) {
    if (!/^0?[0-7]{3}$/.test(opts['socket-mode'] as string)) throw new UsageError(`--socket-mode must be octal like 0660, got "${opts['socket-mode'] as string}"`);
    api.mode = opts['socket-mode'] as string;
  }
  if (opts['socket-group']) api.group = opts['socket-group'] as string;
  if (opts['allow-dir']) {
    api.allowDirs = (opts['allow-dir'] as string[]).map((d) => {
      let st;
      try { st = statSync(d); } catch (e) { throw new UsageError(`--allow-dir: no directory ${d} (${(e as NodeJS.ErrnoException).code ?? 'error'})`); }
      if (!st.isDirectory()) throw new UsageError(`--allow-dir: ${d} is not a directory`);
      return resolve(d);
    });
  }
  state.api = api;
  if (opts.metrics) state.metrics = { listen: opts.metrics as string };
  const engine = { ...(state.engine ?? {}) };
  const idle = numberArg('idle-spell-ms', opts['idle-spell-ms'] as string | undefined, 0, 60000);
  const sleep = numberArg('max-sleep-ms', opts['max-sleep-ms'] as string | undefined, 1, 60000);
  const pool = numberArg('pool', opts.pool as string | undefined, 1024, 1 << 22);
  if (idle !== undefined) engine.idleSpellMs = idle;
  if (sleep !== undefined) engine.maxSleepMs = sleep;
  if (pool !== undefined) engine.poolSize = pool;
  const workers = numberArg('workers', opts.workers as string | undefined, 0, 64);
  if (workers !== undefined) {
    if (!Number.isInteger(workers)) throw new UsageError(`--workers must be a whole number, got "${String(opts.workers)}"`);
    engine.workers = workers;
  }
  if (opts['worker-cpus'] !== undefined) {
    try { engine.workerCpus = parseCpuList(opts['worker-cpus'] as string); } catch (e) { throw new UsageError(`--worker-cpus: ${(e as Error).message}`); }
  }
  const bad = unavailableCpu(engine.workerCpus ?? []);
  if (bad) throw new UsageError(`${opts['worker-cpus'] !== undefined ? '--worker-cpus' : 'engine.workerCpus'}: ${bad}`);
  if (Object.keys(engine).length) state.engine = engine;
}
