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
import { SUPPORTED_VERSIONS, type Mode } from './config.js';

export interface IfaceResult { name: string; mac?: string; sandbox?: string; mtu?: number; socketPath?: string }
export interface IpResult { address: string; gateway?: string; interface?: number; version?: string }
export interface RouteResult { dst: string; gw?: string }
export interface CniResult {
  cniVersion: string;
  interfaces?: IfaceResult[];
  ips?: IpResult[];
  routes?: RouteResult[];
  dns?: Record<string, unknown>;
}

export interface IpamParts { ips: IpResult[]; routes: RouteResult[]; dns?: Record<string, unknown> }

const isV6 = (cidr: string) => cidr.includes(':');

export function ipamToParts(r: Record<string, unknown>): IpamParts {
  const ips: IpResult[] = [];
  const routes: RouteResult[] = [];
  if (r.ips !== undefined && !Array.isArray(r.ips)) throw new Error('IPAM result: ips must be a list');
  for (const [i, x] of ((r.ips as unknown[]) ?? []).entries()) {
    const ip = x as Record<string, unknown>;
    if (typeof ip?.address !== 'string' || !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(ip.address)) throw new Error(`IPAM result: ips[${i}].address must be an address/prefix`);
    if (ip.gateway !== undefined && (typeof ip.gateway !== 'string' || !/^[0-9a-fA-F:.]+$/.test(ip.gateway))) throw new Error(`IPAM result: ips[${i}].gateway must be an address`);
    ips.push({ address: ip.address, ...(ip.gateway ? { gateway: ip.gateway as string } : {}) });
  }
  if (r.routes !== undefined && !Array.isArray(r.routes)) throw new Error('IPAM result: routes must be a list');
  for (const [i, x] of ((r.routes as unknown[]) ?? []).entries()) {
    const rt = x as Record<string, unknown>;
    if (typeof rt?.dst !== 'string' || !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(rt.dst)) throw new Error(`IPAM result: routes[${i}].dst must be an address/prefix`);
    if (rt.gw !== undefined && (typeof rt.gw !== 'string' || !/^[0-9a-fA-F:.]+$/.test(rt.gw))) throw new Error(`IPAM result: routes[${i}].gw must be an address`);
    routes.push({ dst: rt.dst, ...(rt.gw ? { gw: rt.gw as string } : {}) });
  }
  const dns = r.dns && typeof r.dns === 'object' && Object.keys(r.dns).length ? r.dns as Record<string, unknown> : undefined;
  return { ips, routes, ...(dns ? { dns } : {}) };
}

export function buildResult(version: string, interfaces: IfaceResult[], parts: IpamParts, sandboxIndex: number, dns?: Record<string, unknown>): CniResult {
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
export function mergePrev(prev: Record<string, unknown> | undefined, ours: CniResult): CniResult {
  if (!prev) return ours;
  const pIf = Array.isArray(prev.interfaces) ? prev.interfaces as IfaceResult[] : [];
  const pIps = Array.isArray(prev.ips) ? prev.ips as IpResult[] : [];
  const pRoutes = Array.isArray(prev.routes) ? prev.routes as RouteResult[] : [];
  const shift = pIf.length;
  const ips = [...pIps, ...(ours.ips ?? []).map((ip) => ({ ...ip, interface: (ip.interface ?? 0) + shift }))];
  const routes = [...pRoutes, ...(ours.routes ?? [])];
  const dns = ours.dns ?? (prev.dns as Record<string, unknown> | undefined);
  return {
    cniVersion: ours.cniVersion,
    interfaces: [...pIf, ...(ours.interfaces ?? [])],
    ...(ips.length ? { ips } : {}),
    ...(routes.length ? { routes } : {}),
    ...(dns ? { dns } : {}),
  };
}

export const DEVICE_INFO_VERSION = '1.1.0';

export function deviceInfo(mode: Mode, socket: string): Record<string, unknown> | undefined {
  if (mode === 'vhost-user') return { type: 'vhost-user', version: DEVICE_INFO_VERSION, 'vhost-user': { mode: 'client', path: socket } };
  if (mode === 'memif') return { type: 'memif', version: DEVICE_INFO_VERSION, memif: { role: 'slave', path: socket, mode: 'ethernet' } };
  return undefined;
}

export function versionResult(): { cniVersion: string; supportedVersions: string[] } {
  return { cniVersion: '1.0.0', supportedVersions: [...SUPPORTED_VERSIONS] };
}
