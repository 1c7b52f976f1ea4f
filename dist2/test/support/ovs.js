/**
 * Open vSwitch as a flow oracle (../shared/ORACLES.md): ovsdb-server and ovs-vswitchd with
 * the dummy datapath in a scratch directory (no root, no kernel module), one bridge of
 * `type=dummy` ports with fixed OpenFlow numbers. `trace()` asks `ofproto/trace` over the
 * daemon's unixctl JSON-RPC socket (one connection, requests in bulk, no process per
 * packet); flow mods go through `ovs-ofctl` on the bridge's management socket.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export function haveOvs() {
    for (const b of ['ovs-vswitchd', 'ovsdb-server', 'ovs-ofctl', 'ovs-vsctl', 'ovsdb-tool']) {
        if (spawnSync('sh', ['-c', `command -v ${b}`]).status !== 0)
            return `${b} not installed (Debian package openvswitch-switch)`;
    }
    if (!existsSync('/usr/share/openvswitch/vswitch.ovsschema'))
        return 'no /usr/share/openvswitch/vswitch.ovsschema';
    return null;
}
export class Ovs {
    ports;
    dir = mkdtempSync(join(tmpdir(), 'sluice-ovs-'));
    sock = null;
    buf = '';
    waiting = [];
    id = 0;
    env;
    constructor(ports) {
        this.ports = ports;
        const W = this.dir;
        this.env = { ...process.env, OVS_RUNDIR: W, OVS_LOGDIR: W, OVS_DBDIR: W, OVS_SYSCONFDIR: W };
        const run = (cmd, args) => execFileSync(cmd, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
        run('ovsdb-tool', ['create', `${W}/conf.db`, '/usr/share/openvswitch/vswitch.ovsschema']);
        run('ovsdb-server', [`${W}/conf.db`, `--remote=punix:${W}/db.sock`, `--unixctl=${W}/ovsdb-server.ctl`, `--pidfile=${W}/ovsdb.pid`, '--detach', '--no-chdir', `--log-file=${W}/ovsdb.log`]);
        run('ovs-vswitchd', [`unix:${W}/db.sock`, '--enable-dummy=override', '--disable-system', `--unixctl=${W}/vsd.ctl`, `--pidfile=${W}/vsd.pid`, '--detach', '--no-chdir', `--log-file=${W}/vsd.log`]);
        const vsctl = ['--db=unix:' + W + '/db.sock', 'add-br', 'br0', '--', 'set', 'bridge', 'br0', 'datapath_type=dummy', 'fail-mode=secure'];
        for (let i = 1; i <= ports; i++)
            vsctl.push('--', 'add-port', 'br0', `p${i}`, '--', 'set', 'interface', `p${i}`, 'type=dummy', `ofport_request=${i}`);
        run('ovs-vsctl', vsctl);
    }
    /** ovs-ofctl on the bridge; returns stdout. Throws with OVS's message on failure. */
    ofctl(...args) {
        const r = spawnSync('ovs-ofctl', [...args.slice(0, -1), `unix:${this.dir}/br0.mgmt`, ...args.slice(-1)], { env: this.env, encoding: 'utf8' });
        if (r.status !== 0)
            throw new Error(`ovs-ofctl ${args.join(' ')}: ${r.stderr.trim()}`);
        return r.stdout;
    }
    /** Loads flows (add-flows from a file: one process). */
    addFlows(lines) {
        const f = join(this.dir, 'flows.txt');
        writeFileSync(f, lines.join('\n') + '\n');
        this.ofctl('add-flows', f);
    }
    /** dump-flows lines without the reply header. */
    dumpFlows() {
        return this.ofctl('dump-flows', '').split('\n').filter((l) => l.startsWith(' cookie='));
    }
    async connect() {
        if (this.sock)
            return;
        const s = connect(join(this.dir, 'vsd.ctl'));
        await new Promise((res, rej) => { s.once('connect', () => res()); s.once('error', rej); });
        s.setEncoding('utf8');
        s.on('data', (d) => {
            this.buf += d;
            // Replies are JSON objects back to back; cut at each balanced top-level object.
            for (;;) {
                const end = objectEnd(this.buf);
                if (end < 0)
                    break;
                const msg = JSON.parse(this.buf.slice(0, end));
                this.buf = this.buf.slice(end).replace(/^\s+/, '');
                this.waiting.shift()?.(msg);
            }
        });
        this.sock = s;
    }
    /** unixctl command over JSON-RPC; resolves to its text result. */
    async appctl(method, params) {
        await this.connect();
        const p = new Promise((res) => this.waiting.push(res));
        this.sock.write(JSON.stringify({ id: this.id++, method, params }));
        const r = await p;
        if (r.error)
            throw new Error(`${method} ${params.join(' ')}: ${String(r.error).trim()}`);
        return r.result ?? '';
    }
    /** OVS's datapath actions for a packet described in ofproto/trace syntax. */
    async trace(flow) {
        const out = await this.appctl('ofproto/trace', ['br0', flow]);
        const m = /Datapath actions: (.*)$/m.exec(out);
        if (!m)
            throw new Error(`ofproto/trace ${flow}: no "Datapath actions" in\n${out}`);
        return m[1].trim();
    }
    stop() {
        this.sock?.destroy();
        for (const c of ['vsd.ctl', 'ovsdb-server.ctl'])
            spawnSync('ovs-appctl', ['-t', join(this.dir, c), 'exit'], { env: this.env });
        rmSync(this.dir, { recursive: true, force: true });
    }
}
function objectEnd(s) {
    let depth = 0, inStr = false, esc = false;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (inStr) {
            if (esc)
                esc = false;
            else if (c === '\\')
                esc = true;
            else if (c === '"')
                inStr = false;
            continue;
        }
        if (c === '"')
            inStr = true;
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i + 1;
    }
    return -1;
}
/**
 * Does OVS take the line? `ovs-ofctl parse-flow LINE` must accept it without silently changing
 * the match, and, given a running `ovs`, its switch must take it too (the parser lets some
 * lines through that the switch refuses, e.g. tp_dst with nw_frag=later: OFPBMC_BAD_PREREQ).
 */
export function ovsAccepts(line, ovs) {
    const r = spawnSync('ovs-ofctl', ['parse-flow', line], { encoding: 'utf8' });
    if (r.status !== 0)
        return { ok: false, why: r.stderr.trim().split('\n').pop() ?? '' };
    // OVS drops match fields whose prerequisites are missing and only logs it; Sluice refuses those.
    if (/normalization changed ofp_match/.test(r.stderr))
        return { ok: false, why: 'OVS drops a field (normalization changed ofp_match)' };
    if (ovs) {
        try {
            ovs.ofctl('add-flow', line);
        }
        catch (e) {
            return { ok: false, why: `switch: ${e.message.split('\n')[0]}` };
        }
        ovs.ofctl('del-flows', '');
    }
    return { ok: true, why: '' };
}
/**
 * Applies datapath actions (OVS's syntax, which Sluice's trace also prints) to `start`;
 * returns what each output receives, in order. Port `skip` (OVS's LOCAL) is left out.
 */
export function simulate(actions, start, skip = 100) {
    const h = { ...start };
    const out = [];
    if (actions === 'drop')
        return out;
    for (const a of splitTop(actions)) {
        if (/^\d+$/.test(a)) {
            const port = Number(a);
            if (port !== skip)
                out.push({ port, h: { ...h } });
            continue;
        }
        if (a === 'pop_vlan') {
            h.vlan = 'none';
            continue;
        }
        let m = /^push_vlan\(vid=(\d+),pcp=(\d+)\)$/.exec(a);
        if (m) {
            h.vlan = `${m[1]}/${m[2]}`;
            continue;
        }
        m = /^set\((\w+)\((.*)\)\)$/.exec(a);
        if (m) {
            for (const kv of m[2].split(',')) {
                const [k, v] = kv.split('=');
                const key = `${m[1]}.${k}`;
                const val = v.replace(/\/.*$/, '');
                if (key === 'eth.src')
                    h.ethSrc = val;
                else if (key === 'eth.dst')
                    h.ethDst = val;
                else if (key === 'ipv4.src')
                    h.nwSrc = val;
                else if (key === 'ipv4.dst')
                    h.nwDst = val;
                else if (key === 'ipv4.ttl' || key === 'ipv6.hlimit')
                    h.ttl = val;
                else if (/^(tcp|udp|sctp)\.src$/.test(key))
                    h.tpSrc = val;
                else if (/^(tcp|udp|sctp)\.dst$/.test(key))
                    h.tpDst = val;
                else if (key === 'vlan.vid')
                    h.vlan = `${val}/${h.vlan.split('/')[1] ?? '0'}`;
                else if (key === 'vlan.pcp')
                    h.vlan = `${h.vlan.split('/')[0]}/${val}`;
                else
                    throw new Error(`simulate: unknown set field ${key} in ${a}`);
            }
            continue;
        }
        if (a.startsWith('userspace('))
            continue; // OVS's controller hand-off (dec_ttl at TTL 1): not an output port
        throw new Error(`simulate: unknown datapath action "${a}" in ${actions}`);
    }
    return out;
}
function splitTop(s) {
    const out = [];
    let depth = 0, cur = '';
    for (const c of s) {
        if (c === '(')
            depth++;
        if (c === ')')
            depth--;
        if (c === ',' && depth === 0) {
            out.push(cur);
            cur = '';
        }
        else
            cur += c;
    }
    if (cur)
        out.push(cur);
    return out;
}
//# sourceMappingURL=ovs.js.map