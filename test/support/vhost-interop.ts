/**
 * Helpers for vhost-user interop tests: peer checks that skip visibly (or fail under CI),
 * starting the Sluice patch switch as a child process, booting vmharness guests, and running
 * dpdk-testpmd driven through stdin. Every child is killed by pid on cleanup.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { ApiClient } from '../../src/ctl/api-client.js';

// ../shared sits beside the repository (CI and the workspace); dist/test/support → repo root is ../../../
export const VMHARNESS = process.env.VMHARNESS_DIR ?? new URL('../../../../shared/vmharness', import.meta.url).pathname;

function which(bin: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

/** Returns a reason string when the test must skip (throws under CI instead). */
export function missingPeer(needs: { root?: boolean; bins?: string[]; files?: string[] }): string | null {
  let reason: string | null = null;
  if (needs.root && process.getuid?.() !== 0) reason = 'needs root (hugepages/QEMU/vhost sockets)';
  for (const b of needs.bins ?? []) if (!reason && !which(b)) reason = `${b} not found (apt install dpdk qemu-system-x86)`;
  for (const f of needs.files ?? []) if (!reason && !existsSync(f)) reason = `${f} not found`;
  if (reason && process.env.CI === 'true') throw new Error(`CI: peer missing: ${reason}`);
  return reason;
}

export function skipIfMissing(t: TestContext, needs: Parameters<typeof missingPeer>[0]): boolean {
  const r = missingPeer(needs);
  if (r) {
    console.log(`# skip: ${r}`);
    t.skip(r);
    return true;
  }
  return false;
}

export function workDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SwitchProc {
  child: ChildProcess;
  stderr: string[];
  /** SIGTERM, wait, parse the counters line. */
  stop(): Promise<SwitchCounters>;
  kill9(): Promise<void>;
}
export interface OffloadCounters { fromGuest: string[]; toGuest: string[]; superFramesIn: number; superFramesOut: number; segmented: number; checksumsCompleted: number }
export interface PortCounters {
  path: string; rx: number; tx: number; rxBytes: number; txBytes: number; noGuestBuffer: number; tooBig: number; quarantined: number; connects: number;
  features: string; protocolFeatures: string; badOffload?: number; offloads?: OffloadCounters;
}
export interface SwitchCounters { ports: PortCounters[] }

/**
 * Command line used to run the switch: the core Engine with two vhost-user apps (default), or
 * with SLUICE_VHOST_TEST_SWITCH=patch the ports driven without the engine.
 */
export function switchCommand(ports: string[]): string[] {
  const which = process.env.SLUICE_VHOST_TEST_SWITCH === 'patch' ? 'vhost-patch-switch.js' : 'vhost-engine-switch.js';
  const script = new URL(`./${which}`, import.meta.url).pathname;
  return [process.execPath, script, ...ports];
}

export async function startSwitch(ports: string[], waitFor: string[] = [], env: Record<string, string> = {}): Promise<SwitchProc> {
  const [cmd, ...args] = switchCommand(ports);
  const child = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const stderr: string[] = [];
  let stdout = '';
  child.stdout!.on('data', (d) => { stdout += String(d); });
  child.stderr!.on('data', (d) => { stderr.push(String(d)); });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  for (let i = 0; i < 100 && !waitFor.every((p) => existsSync(p)); i++) await sleep(50);
  return {
    child,
    stderr,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
      if (!line) throw new Error(`switch printed no counters; stderr: ${stderr.join('')}`);
      return JSON.parse(line) as SwitchCounters;
    },
    async kill9() {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(5000)]);
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface GuestOpts {
  sock: string;
  name: string;
  ip: string;
  mac: string;
  cmd: string;
  mode?: 'client' | 'server';
  timeout?: number;
  mtu?: number;
  /** virtio queue pairs (QEMU mq=on) and vCPUs: Linux uses min(queues, vCPUs) pairs. */
  queues?: number;
  cpus?: number;
  log: string;
}

/** Boot a guest with run-guest.sh; resolves with its exit status and serial log. */
export function runGuest(o: GuestOpts): { done: Promise<{ rc: number; log: string }>; child: ChildProcess } {
  const args = ['--sock', o.sock, '--name', o.name, '--ip', o.ip, '--mac', o.mac, '--timeout', String(o.timeout ?? 90),
    '--no-ipv6', '--quiet', '--log', o.log, '--cmd', o.cmd];
  if ((o.mode ?? 'client') === 'client') args.push('--reconnect', '1');
  else args.push('--mode', 'server');
  if (o.mtu) args.push('--mtu', String(o.mtu));
  if (o.queues) args.push('--queues', String(o.queues));
  if (o.cpus) args.push('--cpus', String(o.cpus));
  const child = spawn(join(VMHARNESS, 'run-guest.sh'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => { err += String(d); });
  const done = new Promise<{ rc: number; log: string }>((res) => child.on('exit', (code) => {
    let log = '';
    try { log = readFileSync(o.log, 'utf8'); } catch { log = ''; }
    res({ rc: code ?? -1, log: log + '\n--- run-guest stderr ---\n' + err });
  }));
  return { done, child };
}

/** Extract a marker line from a guest log. */
export function marker(log: string, name: string): string | undefined {
  return log.split('\n').find((l) => l.startsWith(name))?.trim();
}

/**
 * Run dpdk-testpmd with `eal` and `app` args, feeding `script` (lines, with `sleep N` pauses)
 * on stdin; returns all output. Killed after `timeoutMs`.
 */
export async function runTestpmd(eal: string[], app: string[], script: string[], timeoutMs = 60000): Promise<string> {
  const child = spawn('dpdk-testpmd', [...eal, '--', '-i', ...app], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  // Wait for the prompt before sending commands.
  for (let i = 0; i < 400 && !out.includes('testpmd>') && child.exitCode === null; i++) await sleep(50);
  for (const line of script) {
    const m = /^sleep (\d+(?:\.\d+)?)$/.exec(line);
    if (m) await sleep(Number(m[1]) * 1000);
    else if (child.exitCode === null) child.stdin!.write(line + '\n');
  }
  await exited;
  clearTimeout(timer);
  return out;
}

/** Sum "<label>: N" over the accumulated forward statistics block of testpmd output. */
export function testpmdAccumulated(out: string): { rx: number; tx: number; txDropped: number } {
  const i = out.lastIndexOf('Accumulated forward statistics');
  const block = i >= 0 ? out.slice(i) : '';
  const num = (re: RegExp) => Number(re.exec(block)?.[1] ?? NaN);
  return { rx: num(/RX-packets:\s+(\d+)/), tx: num(/TX-packets:\s+(\d+)/), txDropped: num(/TX-dropped:\s+(\d+)/) };
}

/** KVM unless /dev/kvm is missing or nested PVM (stock guests do not boot there): as run-guest.sh decides. */
export function qemuAccel(): 'kvm' | 'tcg' {
  if (process.env.VMHARNESS_ACCEL === 'kvm' || process.env.VMHARNESS_ACCEL === 'tcg') return process.env.VMHARNESS_ACCEL;
  try { accessSync('/dev/kvm', constants.R_OK | constants.W_OK); } catch { return 'tcg'; }
  return existsSync('/sys/module/kvm_pvm') ? 'tcg' : 'kvm';
}

export const GUEST_DIR = `${process.env.VMHARNESS_CACHE ?? `${process.env.HOME}/.cache/vmharness`}/guest`;

export interface QemuGuest {
  child: ChildProcess;
  /** Resolves with the guest command's status (VMH-CMD-EXIT), 124 on timeout, 125 without the marker. */
  done: Promise<{ rc: number; log: string }>;
  log(): string;
  kill(): void;
}

/**
 * Boot a vmharness guest (its kernel, initramfs and /init) with QEMU directly, the NIC and
 * guest memory given by `nicArgs` (e.g. what `sluice vdpa dev show --qemu` prints), or none.
 * `extra` adds options (-incoming, -qmp…); `initrd` replaces the guest's initramfs (e.g. with
 * guestModules' extra kernel modules appended). The guest runs `cmd` after eth0 is up.
 */
export function bootQemu(o: { name: string; guest?: string; ip?: string; cmd: string; dir: string; nicArgs: string[]; extra?: string[]; timeout?: number; memMiB?: number; initrd?: string }): QemuGuest {
  const guest = o.guest ?? o.name; // the guest's own name (kernel command line): a migration's two QEMUs share it
  const timeout = o.timeout ?? 120;
  const logPath = join(o.dir, `${o.name}.log`);
  const cmdPath = join(o.dir, `${o.name}.cmd`);
  writeFileSync(cmdPath, `${o.cmd}\n`);
  writeFileSync(logPath, '');
  const accel = qemuAccel();
  const append = `console=ttyS0 panic=-1 quiet ipv6.disable=1 vmh.name=${guest} vmh.timeout=${timeout - 10}${o.ip ? ` vmh.ip=${o.ip}` : ''}`;
  const args = ['-name', guest, '-machine', `q35,accel=${accel}`, '-cpu', accel === 'kvm' ? 'host' : 'max', '-nodefaults', '-no-user-config',
    '-display', 'none', '-smp', '1', '-m', String(o.memMiB ?? 256), ...o.nicArgs,
    '-kernel', join(GUEST_DIR, 'vmlinux'), '-initrd', o.initrd ?? join(GUEST_DIR, 'initramfs.cpio.gz'), '-append', append,
    '-fw_cfg', `name=opt/vmh/cmd,file=${cmdPath}`, '-chardev', `file,id=ser0,path=${logPath}`, '-serial', 'chardev:ser0',
    '-no-reboot', ...(o.extra ?? [])];
  const child = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout * 1000);
  const log = () => { try { return readFileSync(logPath, 'utf8'); } catch { return ''; } };
  const done = new Promise<{ rc: number; log: string }>((res) => child.on('exit', (code, sig) => {
    clearTimeout(timer);
    const l = log();
    const m = /VMH-CMD-EXIT rc=(\d+)/.exec(l);
    res({ rc: m ? Number(m[1]) : sig === 'SIGKILL' ? 124 : 125, log: `${l}\n--- qemu (exit ${code ?? sig}) ---\n${out}` });
  }));
  return { child, done, log, kill: () => { if (child.exitCode === null) child.kill('SIGKILL'); } };
}

/** Wait until `f()` is true (polling every `everyMs`), at most `ms`; returns whether it became true. */
export async function until(f: () => boolean, ms: number, everyMs = 100): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(everyMs)) if (f()) return true;
  return f();
}

export interface Daemon {
  child: ChildProcess;
  api: string;
  log(): string;
  /** `sluice ARGS --socket API` → parsed JSON of `-j` (throws with stderr on failure). */
  cli(args: string[]): unknown;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Start `sluice daemon` on `stateDir` (API socket `api`), waiting until the API answers. */
export async function startDaemon(stateDir: string, api: string, extra: string[] = []): Promise<Daemon> {
  const sluice = new URL('../../../bin/sluice.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [sluice, 'daemon', '--state-dir', stateDir, '--socket', api, '--metrics', 'off', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d) => { log += String(d); });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const cli = (args: string[]): unknown => {
    const r = spawnSync(process.execPath, [sluice, ...args, '-j', '--socket', api], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`sluice ${args.join(' ')}: exit ${r.status}: ${r.stderr}${r.stdout}\n--- daemon (exit ${child.exitCode ?? child.signalCode ?? 'running'}) ---\n${log.slice(-4000)}`);
    return r.stdout.trim() === '' ? null : JSON.parse(r.stdout);
  };
  // Polled in this process: a CLI spawned every poll would take CPU from the daemon starting
  // (two cores), and a restart's measured gap with it.
  let ready = false;
  for (const end = Date.now() + 30_000; !ready && child.exitCode === null && Date.now() < end; await sleep(20)) {
    if (!existsSync(api)) continue;
    const c = new ApiClient(api, 2000);
    try { await c.request('ping'); ready = true; } catch { /* not yet */ } finally { c.close(); }
  }
  if (!ready) { child.kill('SIGKILL'); throw new Error(`daemon did not start: ${log}`); }
  return {
    child, api, cli, log: () => log,
    async kill9() { child.kill('SIGKILL'); await Promise.race([exited, sleep(5000)]); },
    async stop() { child.kill('SIGTERM'); await Promise.race([exited, sleep(10_000)]); if (child.exitCode === null) child.kill('SIGKILL'); },
  };
}

export interface Qmp { cmd(execute: string, args?: Record<string, unknown>): Promise<Record<string, unknown>>; close(): void }

/** Connect to a QEMU QMP socket (retrying until QEMU made it) and leave capabilities negotiation done. */
export async function qmpConnect(path: string, timeoutMs = 60_000): Promise<Qmp> {
  const { createConnection } = await import('node:net');
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const s = await new Promise<import('node:net').Socket>((res, rej) => { const c = createConnection(path, () => res(c)); c.once('error', rej); });
      let buf = '';
      const waiting: ((m: Record<string, unknown>) => void)[] = [];
      s.on('data', (d) => {
        buf += String(d);
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          const line = buf.slice(0, i).trim();
          buf = buf.slice(i + 1);
          if (line === '') continue;
          const m = JSON.parse(line) as Record<string, unknown>;
          if ('event' in m) continue;
          waiting.shift()?.(m);
        }
      });
      const next = () => new Promise<Record<string, unknown>>((res) => waiting.push(res));
      await next(); // greeting
      const cmd = (execute: string, args?: Record<string, unknown>) => {
        const r = next();
        s.write(`${JSON.stringify(args ? { execute, arguments: args } : { execute })}\n`);
        return r;
      };
      await cmd('qmp_capabilities');
      return { cmd, close: () => s.destroy() };
    } catch (e) {
      if (Date.now() > end) throw e;
      await sleep(200);
    }
  }
}

/**
 * From busybox ping lines: the longest time with no reply arriving (s), counting only replies
 * whose arrival falls in [from, to) seconds after the ping started (whole run by default).
 */
export function pingGapIn(log: string, interval: number, from = 0, to = Infinity): number {
  const arrivals: number[] = [];
  for (const m of log.matchAll(/seq=(\d+) ttl=\d+ time=([\d.]+) ms/g)) arrivals.push(Number(m[1]) * interval + Number(m[2]) / 1000);
  arrivals.sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < arrivals.length; i++) if (arrivals[i]! >= from && arrivals[i]! < to) gap = Math.max(gap, arrivals[i]! - arrivals[i - 1]!);
  return gap;
}

/** From busybox ping lines: lost replies and the longest time with no reply arriving (s). */
export function pingGap(log: string, count: number, interval: number): { lost: number; gap: number; lastOk: boolean } {
  const arrivals: number[] = [];
  const got = new Set<number>();
  for (const m of log.matchAll(/seq=(\d+) ttl=\d+ time=([\d.]+) ms/g)) {
    const seq = Number(m[1]);
    got.add(seq);
    arrivals.push(seq * interval + Number(m[2]) / 1000);
  }
  arrivals.sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < arrivals.length; i++) gap = Math.max(gap, arrivals[i]! - arrivals[i - 1]!);
  let lastOk = true;
  for (let s = count - 5; s < count; s++) if (!got.has(s)) lastOk = false;
  return { lost: count - got.size, gap, lastOk };
}


/** One newc (SVR4, no CRC) cpio archive of directories and files, as the kernel unpacks an initramfs. */
function newcCpio(entries: { name: string; data?: Uint8Array }[]): Buffer {
  const parts: Buffer[] = [];
  const pad = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);
  let ino = 1;
  const add = (name: string, mode: number, data: Uint8Array) => {
    const f = [ino++, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, name.length + 1, 0];
    const head = Buffer.from(`070701${f.map((x) => x.toString(16).padStart(8, '0')).join('')}${name}\0`);
    parts.push(head, pad(head.length), Buffer.from(data), pad(data.length));
  };
  for (const e of entries) add(e.name, e.data ? 0o100644 : 0o40755, e.data ?? new Uint8Array());
  add('TRAILER!!!', 0, new Uint8Array());
  return Buffer.concat(parts);
}

/**
 * The vmharness initramfs with kernel modules from the cached linux-image .deb appended
 * under /extra-modules (the kernel unpacks concatenated archives in order). `modules` are
 * paths inside the package (kernel/drivers/net/bonding/bonding.ko); returns the new initrd.
 */
export function guestModules(dir: string, modules: string[]): string {
  const info = readFileSync(join(GUEST_DIR, 'info.txt'), 'utf8');
  const kver = /(?:^|\s)kernel=(\S+)/m.exec(info)?.[1];
  const deb = /^deb=(linux-image\S+)/m.exec(info)?.[1];
  if (!kver || !deb) throw new Error(`${GUEST_DIR}/info.txt names no kernel package`);
  const debPath = join(GUEST_DIR, '..', 'debs', deb);
  const out = join(dir, 'modules');
  const paths = modules.map((m) => `./lib/modules/${kver}/${m}`);
  const r = spawnSync('sh', ['-c', `mkdir -p "$1" && dpkg-deb --fsys-tarfile "$2" | tar -x -C "$1" ${paths.map((_, i) => `"\$${i + 3}"`).join(' ')}`, 'sh', out, debPath, ...paths], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`extracting ${modules.join(', ')} from ${debPath}: ${r.stderr}`);
  const cpio = newcCpio([{ name: 'extra-modules' }, ...modules.map((m, i) => ({ name: `extra-modules/${m.split('/').at(-1)}`, data: readFileSync(join(out, paths[i]!)) }))]);
  const initrd = join(dir, 'initramfs-extra.cpio');
  const gz = readFileSync(join(GUEST_DIR, 'initramfs.cpio.gz'));
  // The kernel takes an uncompressed archive only at a 4-byte boundary; zeros between are skipped.
  writeFileSync(initrd, Buffer.concat([gz, Buffer.alloc((4 - (gz.length % 4)) % 4), cpio]));
  return initrd;
}
