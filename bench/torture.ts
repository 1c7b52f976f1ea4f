/**
 * The torture run: `node dist/bench/torture.js --seconds N [--seed S] [--workdir DIR] [--keep]`
 * (bench/torture.sh wraps it; the suite runs it for two minutes).
 *
 * A `sluice daemon` (every engine checking at every tick that its packets add up) runs a
 * learning bridge with two QEMU guests (vmharness, QEMU the vhost-user client reconnecting
 * every second) and a DPDK testpmd virtio-user peer in icmpecho mode (niced: it busy-polls),
 * plus a flow bridge. The guests ping each other and the testpmd peer; inside, each guest
 * at random flaps its link and reloads its virtio_net driver. From outside, at random
 * intervals, the run kills and restarts a guest's QEMU (the guest boots again), kills and
 * restarts testpmd, applies a config and reverts it, adds and removes ports and flows, and
 * fills the pool with a flood from a generator port.
 *
 * At the end (faults stopped, peers stopped): the daemon answers; its accounting adds up
 * (no app unbalanced); every vhost-user disconnect the run caused is in the daemon's log
 * and counters; once every port is removed every buffer is back in the pool. Prints one
 * `FAULT` line per fault and `TORTURE-OK ...` or `TORTURE-FAIL reason`, exit 0 or 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../src/ctl/api-client.js';
import { VMHARNESS, runGuest, sleep } from '../test/support/vhost-interop.js';

const SLUICE = new URL('../../bin/sluice.js', import.meta.url).pathname;

interface Options { seconds: number; seed: number; workdir: string | undefined; keep: boolean }

function parseArgs(argv: string[]): Options {
  const o: Options = { seconds: 120, seed: Date.now() % 100000, workdir: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number => { const v = Number(argv[++i]); if (!Number.isFinite(v) || v < 0) usage(`${a} needs a number`); return v; };
    if (a === '--seconds') o.seconds = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--workdir') o.workdir = argv[++i];
    else if (a === '--keep') o.keep = true;
    else usage(`unknown option ${a}`);
  }
  return o;
}

function usage(msg: string): never {
  console.error(`torture: ${msg}\nusage: node dist/bench/torture.js [--seconds N] [--seed S] [--workdir DIR] [--keep]`);
  process.exit(2);
}

/** mulberry32: a seeded PRNG so a failing run can be replayed with --seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What runs inside each guest: ping the peers, and now and then flap the link or reload the driver. */
function guestScript(peers: string[], seconds: number): string {
  return `
end=$(( $(cut -d. -f1 /proc/uptime) + ${seconds} ))
for p in ${peers.join(' ')}; do (while [ $(cut -d. -f1 /proc/uptime) -lt $end ]; do ping -c 1 -W 1 $p >/dev/null 2>&1 && echo "PING-OK $p"; sleep 0.3; done) & done
mod=$(grep '/virtio_net.ko' /etc/vmh-modules)
while [ $(cut -d. -f1 /proc/uptime) -lt $end ]; do
  sleep $(awk 'BEGIN{srand(); print 2 + int(rand() * 5)}')
  case $(awk 'BEGIN{srand(); print int(rand() * 3)}') in
    0) echo "VMH-FAULT link-flap"; ip link set eth0 down; sleep 1; ip link set eth0 up ;;
    1) echo "VMH-FAULT driver-reload"; rmmod virtio_net && insmod "$mod"; i=0; while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
       ip link set eth0 up; ip addr add "$VMH_IP/24" dev eth0 ;;
    *) ;;
  esac
done
wait
echo TORTURE-GUEST-DONE`;
}

class Run {
  readonly dir: string;
  readonly api: string;
  readonly rand: () => number;
  daemon!: ChildProcess;
  daemonLog = '';
  client!: ApiClient;
  readonly guests = new Map<string, { child: ChildProcess; done: Promise<{ rc: number; log: string }>; since: number }>();
  testpmd: ChildProcess | undefined;
  testpmdSince = 0;
  readonly faults: string[] = [];
  /** Disconnects the run caused, per port. */
  readonly caused = new Map<string, number>();
  private readonly t0 = Date.now();
  private bootSeq = 0;

  constructor(readonly o: Options) {
    this.dir = o.workdir ?? mkdtempSync(join(tmpdir(), 'sluice-torture-'));
    mkdirSync(this.dir, { recursive: true });
    this.api = join(this.dir, 'api.sock');
    this.rand = prng(o.seed);
  }

  sock(port: string): string { return join(this.dir, `${port}.sock`); }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.rand() * xs.length)]!; }
  fault(kind: string, detail = ''): void {
    const line = `FAULT t=${((Date.now() - this.t0) / 1000).toFixed(1)}s ${kind}${detail ? ` ${detail}` : ''}`;
    this.faults.push(line);
    console.log(line);
  }
  cause(port: string): void { this.caused.set(port, (this.caused.get(port) ?? 0) + 1); }

  async call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.client.request<T>(method, params, 30_000);
  }

  async startDaemon(): Promise<void> {
    this.daemon = spawn(process.execPath, [SLUICE, 'daemon', '--state-dir', join(this.dir, 'state'), '--socket', this.api, '--metrics', 'off', '--pool', '4096'], {
      stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SLUICE_CHECK_ACCOUNTING: '1' },
    });
    this.daemon.stderr!.on('data', (c) => { this.daemonLog += String(c); });
    for (let i = 0; i < 500 && !existsSync(this.api); i++) await sleep(20);
    if (!existsSync(this.api)) throw new Error(`daemon did not start: ${this.daemonLog}`);
    this.client = new ApiClient(this.api, 30_000);
    await this.client.connect();
    for (const p of ['va', 'vb', 'vt']) await this.call('port.add', { name: p, spec: `vhost-user:${this.sock(p)}` });
    await this.call('bridge.add', { name: 'br0', type: 'learning', ports: ['va', 'vb', 'vt'] });
    for (const p of ['fa', 'fb']) await this.call('port.add', { name: p, spec: p === 'fa' ? 'gen:size=64,flows=2,rate=200' : 'sink' });
    await this.call('bridge.add', { name: 'fl', type: 'flow', ports: ['fa', 'fb'] });
  }

  bootGuest(port: string): void {
    const n = port === 'va' ? 1 : 2;
    const log = join(this.dir, `${port}-${++this.bootSeq}.log`);
    const g = runGuest({
      sock: this.sock(port), name: `g${n}`, ip: `10.0.0.${n}/24`, mac: `52:54:00:00:00:0${n}`, log,
      timeout: this.o.seconds + 240, cmd: guestScript([`10.0.0.${3 - n}`, '10.0.0.9'], this.o.seconds + 60),
    });
    this.guests.set(port, { ...g, since: Date.now() });
  }

  startTestpmd(): void {
    const args = ['-n', '19', 'dpdk-testpmd', '-l', '0-1', '--no-pci', '--no-huge', '-m', '256', '--single-file-segments', `--file-prefix=sluice-torture-${process.pid}`,
      '--vdev', `net_virtio_user0,path=${this.sock('vt')}`, '--', '--forward-mode=icmpecho', '--nb-cores=1', '--total-num-mbufs=2048', '--txd=256', '--rxd=256', '--auto-start', '--stats-period=0'];
    this.testpmd = spawn('nice', args, { stdio: ['pipe', 'ignore', 'ignore'] });
    this.testpmdSince = Date.now();
  }

  async killTestpmd(): Promise<void> {
    const t = this.testpmd;
    if (!t || t.exitCode !== null) return;
    const gone = new Promise((r) => t.once('exit', r));
    t.kill('SIGKILL');
    await gone;
  }

  async killGuest(port: string): Promise<void> {
    const g = this.guests.get(port);
    if (!g) return;
    g.child.kill('SIGTERM'); // run-guest.sh kills its QEMU on TERM
    await Promise.race([g.done, sleep(10_000)]);
    this.guests.delete(port);
  }

  /** One fault from outside the guests. */
  async injectOne(): Promise<void> {
    const kind = this.pick(['qemu-restart', 'testpmd-restart', 'config-apply-revert', 'port-add-del', 'flows', 'pool-fill'] as const);
    switch (kind) {
      case 'qemu-restart': {
        const port = this.pick(['va', 'vb']);
        this.fault(kind, port);
        // A peer up for a few seconds is connected: killing it must show as a disconnect.
        if (Date.now() - (this.guests.get(port)?.since ?? Date.now()) > 5000) this.cause(port);
        await this.killGuest(port);
        this.bootGuest(port);
        break;
      }
      case 'testpmd-restart':
        this.fault(kind, 'vt');
        if (this.testpmd && this.testpmd.exitCode === null && Date.now() - this.testpmdSince > 5000) this.cause('vt');
        await this.killTestpmd();
        await sleep(500);
        this.startTestpmd();
        break;
      case 'config-apply-revert': {
        const { state } = await this.call<{ state: { ports?: Record<string, unknown>; bridges?: Record<string, { ports?: Record<string, unknown> }> } }>('config.get');
        const next = structuredClone(state);
        next.ports = { ...next.ports, tz: { spec: 'null' } };
        next.bridges!.br0!.ports = { ...next.bridges!.br0!.ports, tz: { vlan: 1 } };
        this.fault(kind, 'port tz in br0, then back');
        await this.call('config.apply', { state: next });
        await sleep(500 + this.rand() * 1500);
        await this.call('config.apply', { state, prune: true });
        break;
      }
      case 'port-add-del': {
        const spec = this.pick(['gen:size=128,flows=8,rate=5000,count=3000', 'null', 'sink', 'gen:size=60,flows=1,rate=1000,vlan=1']);
        this.fault(kind, spec);
        await this.call('port.add', { name: 'tx1', spec });
        await this.call('bridge.addif', { bridge: 'br0', port: 'tx1' });
        await sleep(300 + this.rand() * 2000);
        await this.call('port.del', { name: 'tx1' });
        break;
      }
      case 'flows': {
        const flows = ['priority=10,in_port=fa,actions=output:fb', 'priority=5,udp,actions=drop', 'priority=1,actions=flood', 'priority=20,dl_type=0x0800,nw_proto=17,actions=output:fb,output:fa'];
        const f = this.pick(flows);
        this.fault(kind, f);
        await this.call('flow.add', { bridge: 'fl', flow: f });
        await sleep(200 + this.rand() * 1000);
        // del-flows takes a match (ovs-ofctl): this flow's own, strictly (its priority too).
        if (this.rand() < 0.5) await this.call('flow.del', { bridge: 'fl', flow: f.replace(/,actions=.*$/, ''), strict: true });
        else await this.call('flow.del', { bridge: 'fl' });
        break;
      }
      case 'pool-fill':
        this.fault(kind, 'a 1 s broadcast flood at 2 Mpps into br0 (pool of 4096)');
        await this.call('port.add', { name: 'flood', spec: 'gen:size=1400,flows=64,rate=2000000,dst-mac=ff:ff:ff:ff:ff:ff' });
        await this.call('bridge.addif', { bridge: 'br0', port: 'flood' });
        await sleep(1000);
        await this.call('port.del', { name: 'flood' });
        break;
    }
  }

  async stats(): Promise<any> { return this.call('stats'); }

  async finish(): Promise<string[]> {
    const problems: string[] = [];
    for (const port of [...this.guests.keys()]) await this.killGuest(port);
    await this.killTestpmd();
    await sleep(2000);
    let s: any;
    try { s = await this.stats(); } catch (e) { return [`the daemon does not answer: ${(e as Error).message}`]; }
    if (this.daemon.exitCode !== null) return [`the daemon exited (${this.daemon.exitCode}): ${this.daemonLog.split('\n').slice(-20).join('\n')}`];
    const a = s.accounting;
    console.log(`accounting: ${JSON.stringify(a)}`);
    if (a.off !== 0 || a.unbalanced.length > 0) problems.push(`accounting does not add up: ${JSON.stringify(a)}`);
    for (const [port, n] of this.caused) {
      const seen = (this.daemonLog.match(new RegExp(`sluice: (?:[\\d:.]+ )?${port} \\(vhost-user [^)]*\\): disconnected`, 'g')) ?? []).length;
      const counted = s.ports.find((p: { name: string }) => p.name === port)?.info?.disconnects ?? 0;
      console.log(`disconnects of ${port}: caused ${n}, logged ${seen}, counted ${counted}`);
      if (seen < n || counted < n) problems.push(`port ${port}: the run caused ${n} disconnects, the daemon logged ${seen} and counted ${counted}`);
    }
    for (const { name } of s.ports as { name: string }[]) await this.call('port.del', { name });
    const end = await this.stats();
    console.log(`pool after removing every port: ${JSON.stringify(end.pool)}`);
    if (end.pool.inUse !== 0) problems.push(`${end.pool.inUse} buffers leaked (pool ${JSON.stringify(end.pool)})`);
    if (end.pool.doubleFree !== 0 || end.pool.badFree !== 0) problems.push(`pool misuse: ${JSON.stringify(end.pool)}`);
    if (end.accounting.off !== 0) problems.push(`accounting after removing every port: ${JSON.stringify(end.accounting)}`);
    return problems;
  }

  async cleanup(): Promise<void> {
    try { this.client?.close(); } catch { /* gone */ }
    if (this.daemon && this.daemon.exitCode === null) {
      const gone = new Promise((r) => this.daemon.once('exit', r));
      this.daemon.kill('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      if (this.daemon.exitCode === null) this.daemon.kill('SIGKILL');
    }
    if (!this.o.keep && this.o.workdir === undefined) rmSync(this.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(VMHARNESS, 'run-guest.sh'))) { console.log(`TORTURE-FAIL no vmharness at ${VMHARNESS}`); return 1; }
  const r = new Run(o);
  console.log(`torture: ${o.seconds} s of faults, seed ${o.seed}, workdir ${r.dir}`);
  let problems: string[] = [];
  try {
    await r.startDaemon();
    r.bootGuest('va');
    r.bootGuest('vb');
    r.startTestpmd();
    const end = Date.now() + o.seconds * 1000;
    while (Date.now() < end) {
      await sleep(1000 + r.rand() * 4000);
      if (r.daemon.exitCode !== null) break;
      await r.injectOne();
    }
    problems = await r.finish();
    for (const f of readGuestFaults(r.dir)) r.fault(f);
  } catch (e) {
    problems.push(`${(e as Error).message}`);
  } finally {
    if (r.daemon?.exitCode !== null && r.daemon?.exitCode !== undefined) problems.push(`daemon exited ${r.daemon.exitCode}: ${r.daemonLog.split('\n').slice(-20).join('\n')}`);
    await r.cleanup();
  }
  if (problems.length) { console.log(`TORTURE-FAIL ${problems.join('; ')}`); return 1; }
  console.log(`TORTURE-OK faults=${r.faults.length} seed=${o.seed}`);
  return 0;
}

/** The faults the guests injected themselves, from their serial logs. */
function readGuestFaults(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((n) => /^v[ab]-\d+\.log$/.test(n)).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const m = /VMH-FAULT (\S+)/.exec(line);
      if (m) out.push(`guest-${m[1]} (${f})`);
    }
  }
  return out;
}

process.exit(await main());
