/**
 * Kubelet device plugin API v1beta1: constants, message types and the loaded gRPC
 * service definitions.
 *
 * Contract:
 *   loadApi()            -> { Registration, DevicePlugin } service definitions (cached).
 *   protoPath()          -> absolute path of api.proto (found next to this module, or in
 *                           the source tree when running from dist/, since tsc copies no
 *                           .proto files). Throws naming every place it looked.
 *   Message interfaces   -> the shapes @grpc/proto-loader produces with keepCase, longs as
 *                           Number, enums as String, defaults on (so repeated fields are
 *                           arrays and scalars are never undefined on decode).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** API version string sent in RegisterRequest.version. */
export const VERSION = 'v1beta1';
/** Device health values (kubelet constants.go). */
export const HEALTHY = 'Healthy';
export const UNHEALTHY = 'Unhealthy';
/** Where the kubelet expects plugin sockets, and its own socket's name there. */
export const DEFAULT_DEVICE_PLUGIN_DIR = '/var/lib/kubelet/device-plugins';
export const KUBELET_SOCKET_NAME = 'kubelet.sock';
/** Device IDs longer than this are rejected by the kubelet. */
export const MAX_DEVICE_ID_LENGTH = 63;

export interface DevicePluginOptions { pre_start_required: boolean; get_preferred_allocation_available: boolean }
export interface RegisterRequest { version: string; endpoint: string; resource_name: string; options?: DevicePluginOptions | null }
export type Empty = Record<string, never>;
export interface NUMANode { ID: number }
export interface TopologyInfo { nodes: NUMANode[] }
export interface Device { ID: string; health: string; topology?: TopologyInfo | null }
export interface ListAndWatchResponse { devices: Device[] }
export interface PreStartContainerRequest { devices_ids: string[] }
export type PreStartContainerResponse = Record<string, never>;
export interface ContainerPreferredAllocationRequest {
  available_deviceIDs: string[];
  must_include_deviceIDs: string[];
  allocation_size: number;
}
export interface PreferredAllocationRequest { container_requests: ContainerPreferredAllocationRequest[] }
export interface ContainerPreferredAllocationResponse { deviceIDs: string[] }
export interface PreferredAllocationResponse { container_responses: ContainerPreferredAllocationResponse[] }
export interface ContainerAllocateRequest { devices_ids: string[] }
export interface AllocateRequest { container_requests: ContainerAllocateRequest[] }
export interface Mount { container_path: string; host_path: string; read_only: boolean }
export interface DeviceSpec { container_path: string; host_path: string; permissions: string }
export interface CDIDevice { name: string }
export interface ContainerAllocateResponse {
  envs: Record<string, string>;
  mounts: Mount[];
  devices: DeviceSpec[];
  annotations: Record<string, string>;
  cdi_devices: CDIDevice[];
}
export interface AllocateResponse { container_responses: ContainerAllocateResponse[] }

/** The two services of the API as grpc-js constructors/definitions. */
export interface DevicePluginApi {
  Registration: grpc.ServiceClientConstructor;
  DevicePlugin: grpc.ServiceClientConstructor;
  packageDefinition: protoLoader.PackageDefinition;
}

/** Options that fix the JS shape of decoded messages (see the interfaces above). */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  arrays: true,
  objects: true,
  oneofs: true,
};

/** Absolute path of api.proto; throws if it is in none of the expected places. */
export function protoPath(): string {
  const candidates = [
    new URL('./api.proto', import.meta.url),
    // dist/src/k8s/deviceplugin/v1beta1/api.js -> src/k8s/deviceplugin/v1beta1/api.proto
    new URL('../../../../../src/k8s/deviceplugin/v1beta1/api.proto', import.meta.url),
  ].map((u) => fileURLToPath(u));
  for (const p of candidates) if (existsSync(p)) return p;
  throw new Error(`device plugin api.proto not found; looked in: ${candidates.join(', ')}`);
}

let cached: DevicePluginApi | undefined;

/** Loads api.proto once (allocates; control path only). */
export function loadApi(): DevicePluginApi {
  if (cached) return cached;
  const packageDefinition = protoLoader.loadSync(protoPath(), LOADER_OPTIONS);
  const pkg = grpc.loadPackageDefinition(packageDefinition) as unknown as {
    v1beta1: { Registration: grpc.ServiceClientConstructor; DevicePlugin: grpc.ServiceClientConstructor };
  };
  cached = { Registration: pkg.v1beta1.Registration, DevicePlugin: pkg.v1beta1.DevicePlugin, packageDefinition };
  return cached;
}

/** grpc-js address for a unix socket path. */
export function unixAddress(path: string): string {
  return `unix:${path}`;
}
