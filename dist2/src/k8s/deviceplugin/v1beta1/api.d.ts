import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
/** API version string sent in RegisterRequest.version. */
export declare const VERSION = "v1beta1";
/** Device health values (kubelet constants.go). */
export declare const HEALTHY = "Healthy";
export declare const UNHEALTHY = "Unhealthy";
/** Where the kubelet expects plugin sockets, and its own socket's name there. */
export declare const DEFAULT_DEVICE_PLUGIN_DIR = "/var/lib/kubelet/device-plugins";
export declare const KUBELET_SOCKET_NAME = "kubelet.sock";
/** Device IDs longer than this are rejected by the kubelet. */
export declare const MAX_DEVICE_ID_LENGTH = 63;
export interface DevicePluginOptions {
    pre_start_required: boolean;
    get_preferred_allocation_available: boolean;
}
export interface RegisterRequest {
    version: string;
    endpoint: string;
    resource_name: string;
    options?: DevicePluginOptions | null;
}
export type Empty = Record<string, never>;
export interface NUMANode {
    ID: number;
}
export interface TopologyInfo {
    nodes: NUMANode[];
}
export interface Device {
    ID: string;
    health: string;
    topology?: TopologyInfo | null;
}
export interface ListAndWatchResponse {
    devices: Device[];
}
export interface PreStartContainerRequest {
    devices_ids: string[];
}
export type PreStartContainerResponse = Record<string, never>;
export interface ContainerPreferredAllocationRequest {
    available_deviceIDs: string[];
    must_include_deviceIDs: string[];
    allocation_size: number;
}
export interface PreferredAllocationRequest {
    container_requests: ContainerPreferredAllocationRequest[];
}
export interface ContainerPreferredAllocationResponse {
    deviceIDs: string[];
}
export interface PreferredAllocationResponse {
    container_responses: ContainerPreferredAllocationResponse[];
}
export interface ContainerAllocateRequest {
    devices_ids: string[];
}
export interface AllocateRequest {
    container_requests: ContainerAllocateRequest[];
}
export interface Mount {
    container_path: string;
    host_path: string;
    read_only: boolean;
}
export interface DeviceSpec {
    container_path: string;
    host_path: string;
    permissions: string;
}
export interface CDIDevice {
    name: string;
}
export interface ContainerAllocateResponse {
    envs: Record<string, string>;
    mounts: Mount[];
    devices: DeviceSpec[];
    annotations: Record<string, string>;
    cdi_devices: CDIDevice[];
}
export interface AllocateResponse {
    container_responses: ContainerAllocateResponse[];
}
/** The two services of the API as grpc-js constructors/definitions. */
export interface DevicePluginApi {
    Registration: grpc.ServiceClientConstructor;
    DevicePlugin: grpc.ServiceClientConstructor;
    packageDefinition: protoLoader.PackageDefinition;
}
/** Options that fix the JS shape of decoded messages (see the interfaces above). */
export declare const LOADER_OPTIONS: protoLoader.Options;
/** Absolute path of api.proto; throws if it is in none of the expected places. */
export declare function protoPath(): string;
/** Loads api.proto once (allocates; control path only). */
export declare function loadApi(): DevicePluginApi;
/** grpc-js address for a unix socket path. */
export declare function unixAddress(path: string): string;
