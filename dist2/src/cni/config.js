/**
 * The request a container runtime makes: CNI_* environment variables plus the network
 * configuration JSON on stdin, validated into one `CniRequest` (pure: no I/O, unit tested).
 *
 *   parseRequest(env, stdinText) → CniRequest      throws CniError (code per the CNI spec,
 *                                                  message naming the variable or field)
 *
 * Network config (`type: "sluice-cni"`), plugin fields with defaults:
 *   sluiceSocket  "/run/sluice/api.sock"   the daemon's management API socket
 *   bridge        (required)               Sluice bridge to join; created if missing
 *   createBridge  true                     create a learning bridge when `bridge` is absent
 *   vlan          —                        access VLAN on the bridge (0-4095)
 *   mode          "veth"                   veth | vhost-user | memif
 *   mtu           —                        veth: MTU of both ends (68-65535)
 *   socketDir     "/run/sluice/cni"        socket modes: base of the per-pod directories
 *   socketMode    "0660"                   socket modes: file mode of the socket
 *   socketUid / socketGid   0              socket modes: owner of the socket and its directory
 *   queues        1                        socket modes: queue pairs (vhost-user) / queues (memif)
 *   stateDir      "/var/lib/cni/sluice"    one state file per attachment (for CHECK and DEL)
 *   timeoutMs     10000                    per daemon request / IPAM run / socket wait
 *   ipam          —                        delegated to the IPAM plugin named by ipam.type
 * Runtime config (capabilities): `mac`, `CNIDeviceInfoFile`. CNI_ARGS: `MAC=`, others ignored.
 */
import { CniCode, CniError } from './errors.js';
export const SUPPORTED_VERSIONS = ['0.3.0', '0.3.1', '0.4.0', '1.0.0'];
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.\-]*$/;
/** The daemon's name rule (src/ctl/model.ts NAME_RE). */
const SLUICE_NAME_RE = /^[A-Za-z_][\w-]*$/;
const MAC_RE = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;
const envErr = (m) => new CniError(CniCode.INVALID_ENVIRONMENT_VARIABLES, m);
const cfgErr = (m) => new CniError(CniCode.INVALID_NETWORK_CONFIG, m);
/** Linux's rule for interface names (dev_valid_name). */
export function checkIfname(name, what) {
    if (name === '')
        throw envErr(`${what} is empty`);
    if (Buffer.byteLength(name) > 15)
        throw envErr(`${what} "${name}" is longer than 15 bytes`);
    if (name === '.' || name === '..' || /[/:\s]/.test(name))
        throw envErr(`${what} "${name}" is not a valid interface name`);
}
/** `K=V;K2=V2` (CNI_ARGS). */
export function parseCniArgs(s) {
    const out = {};
    if (s === '')
        return out;
    for (const part of s.split(';')) {
        if (part === '')
            continue;
        const eq = part.indexOf('=');
        if (eq <= 0)
            throw envErr(`CNI_ARGS: "${part}" is not KEY=VALUE`);
        out[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return out;
}
function versionOf(v) {
    if (v === undefined)
        throw new CniError(CniCode.DECODING_FAILURE, 'network config: cniVersion is missing');
    if (typeof v !== 'string')
        throw new CniError(CniCode.DECODING_FAILURE, 'network config: cniVersion must be a string');
    if (!SUPPORTED_VERSIONS.includes(v)) {
        throw new CniError(CniCode.INCOMPATIBLE_CNI_VERSION, `incompatible CNI version "${v}" (supported: ${SUPPORTED_VERSIONS.join(', ')})`);
    }
    return v;
}
/** Parse the stdin JSON (object required). */
export function parseJson(text) {
    let x;
    try {
        x = JSON.parse(text);
    }
    catch (e) {
        throw new CniError(CniCode.DECODING_FAILURE, `network config: not JSON: ${e.message}`);
    }
    if (x === null || typeof x !== 'object' || Array.isArray(x))
        throw new CniError(CniCode.DECODING_FAILURE, 'network config: must be a JSON object');
    return x;
}
function str(o, k, dflt) {
    const v = o[k];
    if (v === undefined) {
        if (dflt === undefined)
            throw cfgErr(`network config: ${k} is required`);
        return dflt;
    }
    if (typeof v !== 'string' || v === '')
        throw cfgErr(`network config: ${k} must be a non-empty string`);
    return v;
}
function int(o, k, min, max, dflt) {
    const v = o[k];
    if (v === undefined)
        return dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
        throw cfgErr(`network config: ${k} must be an integer ${min}-${max}, got ${JSON.stringify(v)}`);
    return v;
}
function bool(o, k, dflt) {
    const v = o[k];
    if (v === undefined)
        return dflt;
    if (typeof v !== 'boolean')
        throw cfgErr(`network config: ${k} must be true or false`);
    return v;
}
function absPath(o, k, dflt) {
    const p = str(o, k, dflt);
    if (!p.startsWith('/'))
        throw cfgErr(`network config: ${k} must be an absolute path, got "${p}"`);
    if (p.split('/').includes('..'))
        throw cfgErr(`network config: ${k} must not contain ".."`);
    return p.length > 1 ? p.replace(/\/+$/, '') : p;
}
/** Validate the plugin's part of the network config. */
export function parseConfig(o) {
    const cniVersion = versionOf(o.cniVersion);
    const name = str(o, 'name');
    if (!ID_RE.test(name))
        throw cfgErr(`network config: name "${name}" must start with a letter or digit and contain only letters, digits, _ . -`);
    const type = str(o, 'type');
    const mode = str(o, 'mode', 'veth');
    if (mode !== 'veth' && mode !== 'vhost-user' && mode !== 'memif')
        throw cfgErr(`network config: mode must be veth, vhost-user or memif, got "${mode}"`);
    const bridge = str(o, 'bridge');
    if (!SLUICE_NAME_RE.test(bridge))
        throw cfgErr(`network config: bridge "${bridge}" is not a valid Sluice name (letters, digits, _ -; not starting with a digit)`);
    const sockMode = str(o, 'socketMode', '0660');
    if (!/^0?[0-7]{3}$/.test(sockMode))
        throw cfgErr(`network config: socketMode must be octal like "0660", got "${sockMode}"`);
    const cfg = {
        cniVersion, name, type, mode,
        sluiceSocket: absPath(o, 'sluiceSocket', '/run/sluice/api.sock'),
        bridge,
        createBridge: bool(o, 'createBridge', true),
        socketDir: absPath(o, 'socketDir', '/run/sluice/cni'),
        socketMode: parseInt(sockMode, 8),
        socketUid: int(o, 'socketUid', 0, 0xfffffffe, 0),
        socketGid: int(o, 'socketGid', 0, 0xfffffffe, 0),
        queues: int(o, 'queues', 1, 255, 1),
        stateDir: absPath(o, 'stateDir', '/var/lib/cni/sluice'),
        timeoutMs: int(o, 'timeoutMs', 100, 600_000, 10_000),
    };
    // The socket path becomes part of a port spec (`KIND:PATH,opt,...`): no commas or blanks.
    if (/[,\s]/.test(cfg.socketDir))
        throw cfgErr('network config: socketDir must not contain commas or whitespace');
    if (Buffer.byteLength(cfg.sluiceSocket) > 107)
        throw cfgErr('network config: sluiceSocket is longer than 107 bytes (unix socket path limit)');
    const vlan = int(o, 'vlan', 0, 4095);
    if (vlan !== undefined)
        cfg.vlan = vlan;
    const mtu = int(o, 'mtu', 68, 65535);
    if (mtu !== undefined) {
        if (mode !== 'veth')
            throw new CniError(CniCode.UNSUPPORTED_FIELD, `network config: mtu applies to mode veth only (mode is ${mode})`);
        cfg.mtu = mtu;
    }
    if (o.queues !== undefined && mode === 'veth')
        throw new CniError(CniCode.UNSUPPORTED_FIELD, 'network config: queues applies to the socket modes only (mode is veth)');
    if (o.ipam !== undefined) {
        const ipam = o.ipam;
        if (ipam === null || typeof ipam !== 'object' || Array.isArray(ipam))
            throw cfgErr('network config: ipam must be an object');
        const t = ipam.type;
        if (typeof t !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.\-]*$/.test(t))
            throw cfgErr('network config: ipam.type must name the IPAM plugin (e.g. "host-local")');
        cfg.ipam = ipam;
    }
    if (o.dns !== undefined) {
        if (o.dns === null || typeof o.dns !== 'object' || Array.isArray(o.dns))
            throw cfgErr('network config: dns must be an object');
        cfg.dns = o.dns;
    }
    if (o.prevResult !== undefined) {
        if (o.prevResult === null || typeof o.prevResult !== 'object' || Array.isArray(o.prevResult))
            throw cfgErr('network config: prevResult must be an object');
        cfg.prevResult = o.prevResult;
    }
    const rc = o.runtimeConfig;
    if (rc !== undefined) {
        if (rc === null || typeof rc !== 'object' || Array.isArray(rc))
            throw cfgErr('network config: runtimeConfig must be an object');
        const r = rc;
        if (r.mac !== undefined) {
            if (typeof r.mac !== 'string' || !MAC_RE.test(r.mac))
                throw cfgErr(`network config: runtimeConfig.mac must be a MAC address, got ${JSON.stringify(r.mac)}`);
            cfg.mac = r.mac.toLowerCase();
        }
        if (r.CNIDeviceInfoFile !== undefined) {
            if (typeof r.CNIDeviceInfoFile !== 'string' || !r.CNIDeviceInfoFile.startsWith('/'))
                throw cfgErr('network config: runtimeConfig.CNIDeviceInfoFile must be an absolute path');
            cfg.deviceInfoFile = r.CNIDeviceInfoFile;
        }
    }
    return cfg;
}
/** The whole request; `env` is process.env or a test's map. */
export function parseRequest(env, stdin) {
    const command = env.CNI_COMMAND;
    if (command === undefined || command === '')
        throw envErr('CNI_COMMAND is not set');
    if (command !== 'ADD' && command !== 'DEL' && command !== 'CHECK' && command !== 'VERSION') {
        throw envErr(`CNI_COMMAND "${command}" is not one of ADD, DEL, CHECK, VERSION`);
    }
    const o = parseJson(stdin);
    const config = parseConfig(o);
    const need = (k) => {
        const v = env[k];
        if (v === undefined || v === '')
            throw envErr(`${k} is required for ${command}`);
        return v;
    };
    const containerId = need('CNI_CONTAINERID');
    if (!ID_RE.test(containerId))
        throw envErr(`CNI_CONTAINERID "${containerId}" must start with a letter or digit and contain only letters, digits, _ . -`);
    const netns = command === 'DEL' ? (env.CNI_NETNS ?? '') : need('CNI_NETNS');
    if (netns !== '' && !netns.startsWith('/'))
        throw envErr(`CNI_NETNS must be an absolute path, got "${netns}"`);
    const ifname = need('CNI_IFNAME');
    checkIfname(ifname, 'CNI_IFNAME');
    const path = need('CNI_PATH').split(':').filter((p) => p !== '');
    const args = parseCniArgs(env.CNI_ARGS ?? '');
    if (args.MAC !== undefined && config.mac === undefined) {
        if (!MAC_RE.test(args.MAC))
            throw envErr(`CNI_ARGS: MAC "${args.MAC}" is not a MAC address`);
        config.mac = args.MAC.toLowerCase();
    }
    if (command === 'CHECK') {
        if (config.cniVersion === '0.3.0' || config.cniVersion === '0.3.1')
            throw new CniError(CniCode.INCOMPATIBLE_CNI_VERSION, `CHECK is not defined for cniVersion ${config.cniVersion} (0.4.0 or later)`);
        if (!config.prevResult)
            throw cfgErr('network config: CHECK needs prevResult (the result of ADD)');
    }
    return { command, containerId, netns, ifname, args, path, config, raw: stdin };
}
//# sourceMappingURL=config.js.map