/**
 * CNI results and Multus device-info (pure).
 *
 *   ipamToParts(ipamResult)               ips/routes/dns from an IPAM plugin's result (any version)
 *   buildResult(version, parts)           the ADD result in `version`'s format: 1.0.0 drops
 *                                         ips[].version, 0.3.x/0.4.0 add it ("4"/"6")
 *   mergePrev(prev, ours)                 a chained ADD: previous interfaces/ips first, ours after
 *   deviceInfo(mode, socket)              device-info spec 1.1.0: `mode`/`role` describe the
 *                                         *container's* side, so a Sluice server socket is
 *                                         vhost-user mode "client" / memif role "slave"
 *   versionResult()                       the VERSION answer
 */
import { SUPPORTED_VERSIONS } from './config.js';
const isV6 = (cidr) => cidr.includes(':');
export function ipamToParts(r) {
    const ips = [];
    const routes = [];
    if (r.ips !== undefined && !Array.isArray(r.ips))
        throw new Error('IPAM result: ips must be a list');
    for (const [i, x] of (r.ips ?? []).entries()) {
        const ip = x;
        if (typeof ip?.address !== 'string' || !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(ip.address))
            throw new Error(`IPAM result: ips[${i}].address must be an address/prefix`);
        if (ip.gateway !== undefined && (typeof ip.gateway !== 'string' || !/^[0-9a-fA-F:.]+$/.test(ip.gateway)))
            throw new Error(`IPAM result: ips[${i}].gateway must be an address`);
        ips.push({ address: ip.address, ...(ip.gateway ? { gateway: ip.gateway } : {}) });
    }
    if (r.routes !== undefined && !Array.isArray(r.routes))
        throw new Error('IPAM result: routes must be a list');
    for (const [i, x] of (r.routes ?? []).entries()) {
        const rt = x;
        if (typeof rt?.dst !== 'string' || !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(rt.dst))
            throw new Error(`IPAM result: routes[${i}].dst must be an address/prefix`);
        if (rt.gw !== undefined && (typeof rt.gw !== 'string' || !/^[0-9a-fA-F:.]+$/.test(rt.gw)))
            throw new Error(`IPAM result: routes[${i}].gw must be an address`);
        routes.push({ dst: rt.dst, ...(rt.gw ? { gw: rt.gw } : {}) });
    }
    const dns = r.dns && typeof r.dns === 'object' && Object.keys(r.dns).length ? r.dns : undefined;
    return { ips, routes, ...(dns ? { dns } : {}) };
}
export function buildResult(version, interfaces, parts, sandboxIndex, dns) {
    const old = version !== '1.0.0';
    const ips = parts.ips.map((ip) => ({ ...(old ? { version: isV6(ip.address) ? '6' : '4' } : {}), address: ip.address, ...(ip.gateway ? { gateway: ip.gateway } : {}), interface: sandboxIndex }));
    const d = parts.dns ?? dns;
    return {
        cniVersion: version,
        interfaces,
        ...(ips.length ? { ips } : {}),
        ...(parts.routes.length ? { routes: parts.routes } : {}),
        ...(d ? { dns: d } : {}),
    };
}
/** Chained ADD: keep what the previous plugins reported, shift our interface indices. */
export function mergePrev(prev, ours) {
    if (!prev)
        return ours;
    const pIf = Array.isArray(prev.interfaces) ? prev.interfaces : [];
    const pIps = Array.isArray(prev.ips) ? prev.ips : [];
    const pRoutes = Array.isArray(prev.routes) ? prev.routes : [];
    const shift = pIf.length;
    const ips = [...pIps, ...(ours.ips ?? []).map((ip) => ({ ...ip, interface: (ip.interface ?? 0) + shift }))];
    const routes = [...pRoutes, ...(ours.routes ?? [])];
    const dns = ours.dns ?? prev.dns;
    return {
        cniVersion: ours.cniVersion,
        interfaces: [...pIf, ...(ours.interfaces ?? [])],
        ...(ips.length ? { ips } : {}),
        ...(routes.length ? { routes } : {}),
        ...(dns ? { dns } : {}),
    };
}
export const DEVICE_INFO_VERSION = '1.1.0';
export function deviceInfo(mode, socket) {
    if (mode === 'vhost-user')
        return { type: 'vhost-user', version: DEVICE_INFO_VERSION, 'vhost-user': { mode: 'client', path: socket } };
    if (mode === 'memif')
        return { type: 'memif', version: DEVICE_INFO_VERSION, memif: { role: 'slave', path: socket, mode: 'ethernet' } };
    return undefined;
}
export function versionResult() {
    return { cniVersion: '1.0.0', supportedVersions: [...SUPPORTED_VERSIONS] };
}
//# sourceMappingURL=result.js.map