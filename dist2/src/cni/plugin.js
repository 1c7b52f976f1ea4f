/**
 * The three verbs that touch the system, for one attachment (network, container, ifname):
 *
 *   add(req)   → CniResult   veth: a veth pair, the pod end moved into CNI_NETNS as CNI_IFNAME
 *                            with the IPAM addresses and routes, offloads off; the host end
 *                            becomes an `af-packet:` port on the Sluice bridge.
 *                            vhost-user / memif: a per-attachment directory under socketDir,
 *                            a server socket from the daemon, owner and mode set and checked
 *                            before answering, device-info written to CNIDeviceInfoFile.
 *                            Any failure undoes what was done and rethrows.
 *   check(req)              verifies interface, addresses, socket, port, bridge membership, IPAM.
 *   del(req)                removes port, veth, socket directory, IPAM reservation,
 *                            device-info file and state file; missing things are not errors.
 * Logs go to stderr (stdout carries only the result).
 */
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiClient, ApiClientError } from '../ctl/api-client.js';
import { CniCode, CniError } from './errors.js';
import { checkSocketPath, namesFor } from './names.js';
import { inNs, run, tryInNs, tryRun } from './exec.js';
import { ipamExec } from './ipam.js';
import { buildResult, deviceInfo, ipamToParts, mergePrev } from './result.js';
import { loadState, removeState, saveState } from './state.js';
const log = (msg) => process.stderr.write(`sluice-cni: ${msg}\n`);
/** Daemon calls with errors mapped to CNI codes; `gone` tells DEL the daemon is not running. */
class Daemon {
    cfg;
    c;
    constructor(cfg) {
        this.cfg = cfg;
        this.c = new ApiClient(cfg.sluiceSocket, cfg.timeoutMs);
    }
    async call(method, params = {}) {
        try {
            return await this.c.request(method, params);
        }
        catch (e) {
            if (e instanceof ApiClientError) {
                if (e.code === 'connect' || e.code === 'timeout')
                    throw new CniError(CniCode.TRY_AGAIN_LATER, `Sluice daemon: ${e.message}`);
                throw Object.assign(new CniError(CniCode.DAEMON_REFUSED, `Sluice daemon refused ${method}: ${e.message}`), { apiCode: e.code });
            }
            throw e;
        }
    }
    close() { this.c.close(); }
}
const apiCode = (e) => e.apiCode;
/** The daemon's socket is absent or nobody listens: its ports are gone with it. */
const daemonGone = (e) => e instanceof CniError && e.code === CniCode.TRY_AGAIN_LATER && /ENOENT|ECONNREFUSED/.test(e.message);
function portSpec(cfg, n) {
    if (cfg.mode === 'veth')
        return `af-packet:${n.hostVeth}`;
    if (cfg.mode === 'vhost-user')
        return `vhost-user:${n.socket},queues=${cfg.queues},mode=0${cfg.socketMode.toString(8)}`;
    return `memif:${n.socket},role=server,queues=${cfg.queues}`;
}
async function ensureBridge(d, cfg) {
    try {
        await d.call('bridge.show', { name: cfg.bridge });
        return;
    }
    catch (e) {
        if (apiCode(e) !== 'not-found')
            throw e;
        if (!cfg.createBridge)
            throw new CniError(CniCode.INVALID_NETWORK_CONFIG, `Sluice bridge "${cfg.bridge}" does not exist (createBridge is false)`);
    }
    try {
        await d.call('bridge.add', { name: cfg.bridge });
    }
    catch (e) {
        if (apiCode(e) !== 'exists')
            throw e;
    } // a concurrent ADD made it
}
function linkJson(netns, dev) {
    const argv = ['ip', '-j', 'link', 'show', 'dev', dev];
    const r = netns ? tryInNs(netns, argv) : tryRun(argv[0], argv.slice(1));
    if (r.status !== 0)
        return undefined;
    try {
        return JSON.parse(r.stdout)[0];
    }
    catch {
        return undefined;
    }
}
/** Addresses, link up, routes inside the pod's namespace (the bridge plugin's order). */
function configurePodIface(req, parts) {
    const { netns, ifname } = req;
    for (const ip of parts.ips) {
        inNs(netns, ['ip', ...(ip.address.includes(':') ? ['-6'] : ['-4']), 'addr', 'add', ip.address, 'dev', ifname, ...(ip.address.includes(':') ? ['nodad'] : [])]);
    }
    inNs(netns, ['ip', 'link', 'set', 'dev', ifname, 'up']);
    for (const rt of parts.routes) {
        const v6 = rt.dst.includes(':');
        const gw = rt.gw ?? parts.ips.find((ip) => ip.gateway && ip.gateway.includes(':') === v6)?.gateway;
        inNs(netns, ['ip', v6 ? '-6' : '-4', 'route', 'add', rt.dst, ...(gw ? ['via', gw] : []), 'dev', ifname]);
    }
}
function checkSocket(path, cfg) {
    let st;
    try {
        st = lstatSync(path);
    }
    catch {
        throw new CniError(CniCode.IO_FAILURE, `socket ${path} does not exist`);
    }
    if (!st.isSocket())
        throw new CniError(CniCode.IO_FAILURE, `${path} is not a unix socket`);
    const mode = st.mode & 0o7777;
    if (mode !== cfg.socketMode)
        throw new CniError(CniCode.IO_FAILURE, `socket ${path} has mode 0${mode.toString(8)}, want 0${cfg.socketMode.toString(8)}`);
    if (st.uid !== cfg.socketUid || st.gid !== cfg.socketGid)
        throw new CniError(CniCode.IO_FAILURE, `socket ${path} is owned by ${st.uid}:${st.gid}, want ${cfg.socketUid}:${cfg.socketGid}`);
}
/** The directory mode that lets the socket's owner/group reach it: x wherever r or w is set. */
export function dirModeFor(socketMode) {
    let m = 0;
    for (const shift of [6, 3, 0]) {
        const b = (socketMode >> shift) & 7;
        if (b & 6)
            m |= (b | 1) << shift;
    }
    return m | 0o700;
}
async function waitForSocket(path, timeoutMs) {
    const end = Date.now() + timeoutMs;
    for (;;) {
        try {
            if (lstatSync(path).isSocket())
                return;
        }
        catch { /* not yet */ }
        if (Date.now() > end)
            throw new CniError(CniCode.IO_FAILURE, `the daemon did not create socket ${path} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
    }
}
export async function add(req) {
    const cfg = req.config;
    const n = namesFor(cfg.name, req.containerId, req.ifname, cfg.socketDir, cfg.mode);
    if (loadState(cfg.stateDir, cfg.name, req.containerId, req.ifname)) {
        throw new CniError(CniCode.INTERNAL, `container ${req.containerId} already has ${req.ifname} on network ${cfg.name} (DEL it first)`);
    }
    if (!existsSync(req.netns))
        throw new CniError(CniCode.UNKNOWN_CONTAINER, `CNI_NETNS ${req.netns} does not exist`);
    if (cfg.mode !== 'veth')
        checkSocketPath(n.socket, cfg.mode === 'memif' ? 106 : undefined);
    const d = new Daemon(cfg);
    try {
        await d.call('ping');
        await ensureBridge(d, cfg);
        const progress = { ipam: false };
        try {
            return cfg.mode === 'veth' ? await addVeth(req, d, n, progress) : await addSocket(req, d, n, progress);
        }
        catch (e) {
            log(`ADD failed, undoing: ${e.message}`);
            // Release the address only if the IPAM plugin was asked for one.
            try {
                await delWith(req, d, undefined, progress.ipam);
            }
            catch (u) {
                log(`undo: ${u.message}`);
            }
            removeState(cfg.stateDir, cfg.name, req.containerId, req.ifname);
            throw e;
        }
    }
    finally {
        d.close();
    }
}
async function joinBridge(d, cfg, n) {
    await d.call('port.add', { name: n.port, spec: portSpec(cfg, n) });
    await d.call('bridge.addif', { bridge: cfg.bridge, port: n.port, ...(cfg.vlan !== undefined ? { vlan: cfg.vlan } : {}) });
}
async function addVeth(req, d, n, progress) {
    const cfg = req.config;
    tryRun('ip', ['link', 'del', n.hostVeth]); // a leftover of a killed ADD with the same name
    const mtu = cfg.mtu !== undefined ? ['mtu', String(cfg.mtu)] : [];
    run('ip', ['link', 'add', n.hostVeth, ...mtu, 'type', 'veth', 'peer', 'name', req.ifname, ...mtu, 'netns', req.netns]);
    saveState(cfg.stateDir, stateOf(req, n, { cniVersion: cfg.cniVersion }));
    if (cfg.mac)
        inNs(req.netns, ['ip', 'link', 'set', 'dev', req.ifname, 'address', cfg.mac]);
    progress.ipam = cfg.ipam !== undefined;
    const parts = cfg.ipam ? ipamParts(ipamExec(req, 'ADD')) : { ips: [], routes: [] };
    configurePodIface(req, parts);
    run('ip', ['link', 'set', 'dev', n.hostVeth, 'up']);
    await joinBridge(d, cfg, n);
    const host = linkJson(undefined, n.hostVeth);
    const pod = linkJson(req.netns, req.ifname);
    if (!pod)
        throw new CniError(CniCode.IO_FAILURE, `${req.ifname} vanished from ${req.netns}`);
    const ifaces = [
        { name: n.hostVeth, ...(host?.address ? { mac: host.address } : {}) },
        { name: req.ifname, ...(pod.address ? { mac: pod.address } : {}), sandbox: req.netns },
    ];
    const result = mergePrev(cfg.prevResult, buildResult(cfg.cniVersion, ifaces, parts, 1, cfg.dns));
    saveState(cfg.stateDir, stateOf(req, n, result));
    return result;
}
async function addSocket(req, d, n, progress) {
    const cfg = req.config;
    rmSync(n.podDir, { recursive: true, force: true });
    mkdirSync(cfg.socketDir, { recursive: true, mode: 0o755 });
    mkdirSync(n.podDir, { mode: 0o700 });
    chownSync(n.podDir, cfg.socketUid, cfg.socketGid);
    chmodSync(n.podDir, dirModeFor(cfg.socketMode));
    saveState(cfg.stateDir, stateOf(req, n, { cniVersion: cfg.cniVersion }));
    progress.ipam = cfg.ipam !== undefined;
    const parts = cfg.ipam ? ipamParts(ipamExec(req, 'ADD')) : { ips: [], routes: [] };
    await joinBridge(d, cfg, n);
    await waitForSocket(n.socket, cfg.timeoutMs);
    chownSync(n.socket, cfg.socketUid, cfg.socketGid);
    chmodSync(n.socket, cfg.socketMode);
    checkSocket(n.socket, cfg);
    let wroteInfo;
    if (cfg.deviceInfoFile && !existsSync(cfg.deviceInfoFile)) {
        mkdirSync(dirname(cfg.deviceInfoFile), { recursive: true, mode: 0o755 });
        writeFileSync(cfg.deviceInfoFile, JSON.stringify(deviceInfo(cfg.mode, n.socket)), { mode: 0o644 });
        wroteInfo = cfg.deviceInfoFile;
    }
    const ifaces = [{ name: req.ifname, mac: cfg.mac ?? n.mac, sandbox: req.netns }];
    const result = mergePrev(cfg.prevResult, buildResult(cfg.cniVersion, ifaces, parts, 0, cfg.dns));
    saveState(cfg.stateDir, { ...stateOf(req, n, result), ...(wroteInfo ? { deviceInfoFile: wroteInfo } : {}) });
    return result;
}
function ipamParts(r) {
    try {
        return ipamToParts(r);
    }
    catch (e) {
        throw new CniError(CniCode.IPAM_FAILURE, e.message);
    }
}
function stateOf(req, n, result) {
    const cfg = req.config;
    return {
        version: 1, network: cfg.name, containerId: req.containerId, ifname: req.ifname, netns: req.netns,
        mode: cfg.mode, bridge: cfg.bridge, port: n.port, result,
        ...(cfg.mode === 'veth' ? { hostVeth: n.hostVeth } : { podDir: n.podDir, socket: n.socket }),
    };
}
export async function del(req) {
    const d = new Daemon(req.config);
    try {
        await delWith(req, d, loadState(req.config.stateDir, req.config.name, req.containerId, req.ifname));
    }
    finally {
        d.close();
    }
}
/** Remove every trace; try every step, report the first failure after trying the rest. */
async function delWith(req, d, st, releaseIpam = true) {
    const cfg = req.config;
    const n = namesFor(cfg.name, req.containerId, req.ifname, cfg.socketDir, cfg.mode);
    let first;
    const step = async (what, f) => { try {
        await f();
    }
    catch (e) {
        log(`DEL ${what}: ${e.message}`);
        first ??= e;
    } };
    await step('port', async () => {
        try {
            await d.call('port.del', { name: n.port });
        }
        catch (e) {
            if (apiCode(e) === 'not-found')
                return;
            if (daemonGone(e)) {
                log(`daemon not running (${e.message}); nothing to remove there`);
                return;
            }
            throw e;
        }
    });
    // The veth: deleting the host end removes the pod end (and vice versa with the namespace).
    const veth = st?.hostVeth ?? n.hostVeth;
    await step('veth', () => {
        const r = tryRun('ip', ['link', 'del', veth]);
        if (r.status !== 0 && !/Cannot find device|does not exist/.test(r.stderr))
            throw new CniError(CniCode.IO_FAILURE, `ip link del ${veth}: ${r.stderr.trim()}`);
    });
    // Both the recorded and the derived directory (socketDir may have changed); only ever <dir>/<key>.
    for (const dir of new Set([n.podDir, st?.podDir].filter((x) => typeof x === 'string' && x.endsWith(`/${n.key}`)))) {
        await step('socket directory', () => rmSync(dir, { recursive: true, force: true }));
    }
    if (cfg.ipam && releaseIpam)
        await step('IPAM', () => ipamExec(req, 'DEL'));
    if (st?.deviceInfoFile)
        await step('device-info', () => rmSync(st.deviceInfoFile, { force: true }));
    if (first !== undefined)
        throw first;
    removeState(cfg.stateDir, cfg.name, req.containerId, req.ifname);
}
export async function check(req) {
    const cfg = req.config;
    const fail = (m) => new CniError(CniCode.CHECK_FAILED, `CHECK ${req.containerId}/${req.ifname}: ${m}`);
    const st = loadState(cfg.stateDir, cfg.name, req.containerId, req.ifname);
    if (!st)
        throw new CniError(CniCode.UNKNOWN_CONTAINER, `no attachment of container ${req.containerId} (${req.ifname}) on network ${cfg.name}`);
    const prev = cfg.prevResult;
    const ifaces = Array.isArray(prev.interfaces) ? prev.interfaces : [];
    const idx = ifaces.findIndex((i) => i.name === req.ifname && i.sandbox !== undefined);
    if (idx < 0)
        throw fail(`prevResult has no interface ${req.ifname} in a sandbox`);
    if (ifaces[idx].sandbox !== req.netns)
        throw fail(`prevResult puts ${req.ifname} in ${ifaces[idx].sandbox}, CNI_NETNS is ${req.netns}`);
    const wantIps = (Array.isArray(prev.ips) ? prev.ips : []).filter((ip) => ip.interface === idx);
    if (st.mode === 'veth') {
        if (!linkJson(undefined, st.hostVeth))
            throw fail(`host interface ${st.hostVeth} is missing`);
        const pod = linkJson(req.netns, req.ifname);
        if (!pod)
            throw fail(`${req.ifname} is missing from ${req.netns}`);
        if (!pod.flags?.includes('UP'))
            throw fail(`${req.ifname} is down`);
        const mac = ifaces[idx].mac;
        if (mac && pod.address?.toLowerCase() !== mac.toLowerCase())
            throw fail(`${req.ifname} has MAC ${pod.address}, prevResult says ${mac}`);
        const r = tryInNs(req.netns, ['ip', '-j', 'addr', 'show', 'dev', req.ifname]);
        const have = new Set();
        try {
            for (const l of JSON.parse(r.stdout))
                for (const a of l.addr_info ?? [])
                    have.add(`${a.local}/${a.prefixlen}`);
        }
        catch { /* none */ }
        for (const ip of wantIps)
            if (!have.has(ip.address))
                throw fail(`address ${ip.address} is missing from ${req.ifname}`);
    }
    else {
        try {
            checkSocket(st.socket, cfg);
        }
        catch (e) {
            throw fail(e.message);
        }
    }
    const d = new Daemon(cfg);
    try {
        let ports;
        try {
            ports = await d.call('port.show', { name: st.port });
        }
        catch (e) {
            if (apiCode(e) === 'not-found')
                throw fail(`Sluice port ${st.port} is missing`);
            throw e;
        }
        if (ports[0]?.attached !== `bridge ${cfg.bridge}`)
            throw fail(`Sluice port ${st.port} is attached to ${ports[0]?.attached ?? 'nothing'}, want bridge ${cfg.bridge}`);
    }
    finally {
        d.close();
    }
    if (cfg.ipam)
        ipamExec(req, 'CHECK');
}
//# sourceMappingURL=plugin.js.map