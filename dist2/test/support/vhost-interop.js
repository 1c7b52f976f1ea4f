/**
 * Helpers for vhost-user interop tests: peer checks that skip visibly (or fail under CI),
 * starting the Sluice patch switch as a child process, booting vmharness guests, and running
 * dpdk-testpmd driven through stdin. Every child is killed by pid on cleanup.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// ../shared sits beside the repository (CI and the workspace); dist/test/support → repo root is ../../../
export const VMHARNESS = process.env.VMHARNESS_DIR ?? new URL('../../../../shared/vmharness', import.meta.url).pathname;
function which(bin) {
    return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}
/** Returns a reason string when the test must skip (throws under CI instead). */
export function missingPeer(needs) {
    let reason = null;
    if (needs.root && process.getuid?.() !== 0)
        reason = 'needs root (hugepages/QEMU/vhost sockets)';
    for (const b of needs.bins ?? [])
        if (!reason && !which(b))
            reason = `${b} not found (apt install dpdk qemu-system-x86)`;
    for (const f of needs.files ?? [])
        if (!reason && !existsSync(f))
            reason = `${f} not found`;
    if (reason && process.env.CI === 'true')
        throw new Error(`CI: peer missing: ${reason}`);
    return reason;
}
export function skipIfMissing(t, needs) {
    const r = missingPeer(needs);
    if (r) {
        console.log(`# skip: ${r}`);
        t.skip(r);
        return true;
    }
    return false;
}
export function workDir(prefix) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
/**
 * Command line used to run the switch: the core Engine with two vhost-user apps (default), or
 * with SLUICE_VHOST_TEST_SWITCH=patch the ports driven without the engine.
 */
export function switchCommand(ports) {
    const which = process.env.SLUICE_VHOST_TEST_SWITCH === 'patch' ? 'vhost-patch-switch.js' : 'vhost-engine-switch.js';
    const script = new URL(`./${which}`, import.meta.url).pathname;
    return [process.execPath, script, ...ports];
}
export async function startSwitch(ports, waitFor = []) {
    const [cmd, ...args] = switchCommand(ports);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = [];
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr.push(String(d)); });
    const exited = new Promise((res) => child.on('exit', () => res()));
    for (let i = 0; i < 100 && !waitFor.every((p) => existsSync(p)); i++)
        await sleep(50);
    return {
        child,
        stderr,
        async stop() {
            child.kill('SIGTERM');
            await Promise.race([exited, sleep(5000)]);
            if (child.exitCode === null)
                child.kill('SIGKILL');
            const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
            if (!line)
                throw new Error(`switch printed no counters; stderr: ${stderr.join('')}`);
            return JSON.parse(line);
        },
        async kill9() {
            child.kill('SIGKILL');
            await Promise.race([exited, sleep(5000)]);
        },
    };
}
export function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
/** Boot a guest with run-guest.sh; resolves with its exit status and serial log. */
export function runGuest(o) {
    const args = ['--sock', o.sock, '--name', o.name, '--ip', o.ip, '--mac', o.mac, '--timeout', String(o.timeout ?? 90),
        '--no-ipv6', '--quiet', '--log', o.log, '--cmd', o.cmd];
    if ((o.mode ?? 'client') === 'client')
        args.push('--reconnect', '1');
    else
        args.push('--mode', 'server');
    if (o.mtu)
        args.push('--mtu', String(o.mtu));
    if (o.queues)
        args.push('--queues', String(o.queues));
    if (o.cpus)
        args.push('--cpus', String(o.cpus));
    const child = spawn(join(VMHARNESS, 'run-guest.sh'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += String(d); });
    const done = new Promise((res) => child.on('exit', (code) => {
        let log = '';
        try {
            log = readFileSync(o.log, 'utf8');
        }
        catch {
            log = '';
        }
        res({ rc: code ?? -1, log: log + '\n--- run-guest stderr ---\n' + err });
    }));
    return { done, child };
}
/** Extract a marker line from a guest log. */
export function marker(log, name) {
    return log.split('\n').find((l) => l.startsWith(name))?.trim();
}
/**
 * Run dpdk-testpmd with `eal` and `app` args, feeding `script` (lines, with `sleep N` pauses)
 * on stdin; returns all output. Killed after `timeoutMs`.
 */
export async function runTestpmd(eal, app, script, timeoutMs = 60000) {
    const child = spawn('dpdk-testpmd', [...eal, '--', '-i', ...app], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += String(d); });
    child.stderr.on('data', (d) => { out += String(d); });
    const exited = new Promise((res) => child.on('exit', () => res()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    // Wait for the prompt before sending commands.
    for (let i = 0; i < 400 && !out.includes('testpmd>') && child.exitCode === null; i++)
        await sleep(50);
    for (const line of script) {
        const m = /^sleep (\d+(?:\.\d+)?)$/.exec(line);
        if (m)
            await sleep(Number(m[1]) * 1000);
        else if (child.exitCode === null)
            child.stdin.write(line + '\n');
    }
    await exited;
    clearTimeout(timer);
    return out;
}
/** Sum "<label>: N" over the accumulated forward statistics block of testpmd output. */
export function testpmdAccumulated(out) {
    const i = out.lastIndexOf('Accumulated forward statistics');
    const block = i >= 0 ? out.slice(i) : '';
    const num = (re) => Number(re.exec(block)?.[1] ?? NaN);
    return { rx: num(/RX-packets:\s+(\d+)/), tx: num(/TX-packets:\s+(\d+)/), txDropped: num(/TX-dropped:\s+(\d+)/) };
}
//# sourceMappingURL=vhost-interop.js.map