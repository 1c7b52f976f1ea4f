/**
 * Network-namespace lab for the kernel-port interop tests (AF_PACKET, TAP, capture): unique
 * names per test process, one `cleanup()` that removes everything it made (call it from
 * `after()`/`finally`), and the skip rule (root + `ip` needed; under CI=true a missing
 * prerequisite fails instead of skipping).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
/** True if the test must stop: skipped (printed reason) or, under CI=true, failed. */
export function skipUnlessNetns(t, bins = []) {
    let reason = '';
    if (process.getuid?.() !== 0)
        reason = 'needs root (network namespaces, AF_PACKET, TAP)';
    else if (!existsSync('/usr/sbin/ip') && !existsSync('/sbin/ip') && !existsSync('/usr/bin/ip'))
        reason = 'needs iproute2 (ip)';
    else
        for (const b of bins)
            if (!which(b)) {
                reason = `needs ${b}`;
                break;
            }
    if (reason === '')
        return false;
    if (process.env.CI === 'true')
        throw new Error(`interop prerequisite missing under CI: ${reason}`);
    t.skip(reason);
    return true;
}
export function which(bin) {
    for (const d of (process.env.PATH ?? '/usr/bin:/bin').split(':'))
        if (existsSync(`${d}/${bin}`))
            return `${d}/${bin}`;
    return undefined;
}
/** Run a command, return stdout; throws with stderr on failure. */
export function run(cmd, args, timeoutMs = 20_000) {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
}
const execFileP = promisify(execFile);
/** Run a command without blocking the event loop (needed while an in-process switch runs). */
export async function runAsync(cmd, args, timeoutMs = 20_000) {
    const r = await execFileP(cmd, args, { encoding: 'utf8', timeout: timeoutMs });
    return r.stdout;
}
export class NetnsLab {
    tag;
    namespaces = [];
    links = [];
    children = [];
    constructor(prefix) {
        // Interface names are at most 15 bytes: keep the tag short.
        this.tag = `${prefix}${(process.pid % 10000).toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    }
    /** Create namespace `<tag>-<suffix>` with lo up. */
    ns(suffix) {
        const name = `${this.tag}-${suffix}`;
        run('ip', ['netns', 'add', name]);
        this.namespaces.push(name);
        this.exec(name, ['ip', 'link', 'set', 'lo', 'up']);
        return name;
    }
    /** Run a command inside namespace `ns`. */
    exec(ns, argv, timeoutMs = 20_000) {
        return run('ip', ['netns', 'exec', ns, ...argv], timeoutMs);
    }
    /** Start a command inside `ns` in the background (killed at cleanup). */
    spawn(ns, argv) {
        const c = spawn('ip', ['netns', 'exec', ns, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
        this.children.push(c);
        return c;
    }
    /**
     * A veth pair: `host` end stays in Sluice's namespace (up), `peer` end goes into `ns` with
     * `cidr`, up. Offloads stay at the kernel's defaults (TSO, GSO and checksum offload on):
     * the AF_PACKET port takes the super-frames and partial checksums the namespace sends.
     */
    veth(ns, host, cidr) {
        const peer = `${host}p`;
        run('ip', ['link', 'add', host, 'type', 'veth', 'peer', 'name', peer]);
        this.links.push(host);
        run('ip', ['link', 'set', peer, 'netns', ns]);
        this.exec(ns, ['ip', 'addr', 'add', cidr, 'dev', peer]);
        this.exec(ns, ['ip', 'link', 'set', peer, 'up']);
        run('ip', ['link', 'set', host, 'up']);
        return { host, peer };
    }
    /** Remember a link in Sluice's namespace to delete at cleanup. */
    track(link) { this.links.push(link); }
    cleanup() {
        for (const c of this.children) {
            try {
                c.kill('SIGKILL');
            }
            catch { /* gone */ }
        }
        for (const l of this.links) {
            try {
                run('ip', ['link', 'del', l]);
            }
            catch { /* gone with its namespace */ }
        }
        // Whatever still runs inside (a listener whose `ip netns exec` parent was killed) goes too.
        for (const n of this.namespaces) {
            try {
                for (const pid of run('ip', ['netns', 'pids', n]).split('\n').filter(Boolean))
                    process.kill(Number(pid), 'SIGKILL');
            }
            catch { /* none left */ }
        }
        for (const n of this.namespaces) {
            try {
                run('ip', ['netns', 'del', n]);
            }
            catch { /* already gone */ }
        }
        this.links.length = 0;
        this.namespaces.length = 0;
    }
}
/** ping from `ns` to `ip` (async: the switch may run in this process); returns received count. busybox ping if iputils is absent. */
export async function ping(ns, ip, count = 3) {
    const argv = which('ping') ? ['ping', '-c', String(count), '-W', '2', '-i', '0.2', ip] : ['busybox', 'ping', '-c', String(count), '-W', '2', ip];
    let out = '';
    try {
        out = await runAsync('ip', ['netns', 'exec', ns, ...argv], 20_000);
    }
    catch (e) {
        out = String(e.stdout ?? '');
    }
    const m = /(\d+) (?:packets )?received/.exec(out);
    return m ? Number(m[1]) : 0;
}
/**
 * TCP transfer of `bytes` random bytes from `fromNs` to `toIp` (listening in `toNs`) with
 * OpenBSD nc or busybox nc; resolves with the received byte count and whether it matched.
 */
export async function tcpTransfer(lab, fromNs, toNs, toIp, bytes, port = 5001) {
    const { randomBytes, createHash } = await import('node:crypto');
    const data = randomBytes(bytes);
    const want = createHash('sha256').update(data).digest('hex');
    const bb = !which('nc');
    const listener = lab.spawn(toNs, bb ? ['busybox', 'nc', '-l', '-p', String(port)] : ['nc', '-l', '-d', '-p', String(port)]);
    const chunks = [];
    listener.stdout.on('data', (c) => chunks.push(c));
    const done = new Promise((r) => listener.on('close', () => r()));
    await new Promise((r) => setTimeout(r, 300));
    const sender = spawn('ip', ['netns', 'exec', fromNs, ...(bb ? ['busybox', 'nc', '-w', '5', toIp, String(port)] : ['nc', '-N', '-w', '5', toIp, String(port)])], { stdio: ['pipe', 'ignore', 'pipe'] });
    sender.stdin.end(data);
    await new Promise((r) => sender.on('close', () => r()));
    const timer = setTimeout(() => listener.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(timer);
    const got = Buffer.concat(chunks);
    return { received: got.length, same: createHash('sha256').update(got).digest('hex') === want };
}
//# sourceMappingURL=af-packet-netns.js.map