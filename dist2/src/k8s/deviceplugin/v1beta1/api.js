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
/** Options that fix the JS shape of decoded messages (see the interfaces above). */
export const LOADER_OPTIONS = {
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
    arrays: true,
    objects: true,
    oneofs: true,
};
/** Absolute path of api.proto; throws if it is in none of the expected places. */
export function protoPath() {
    const candidates = [
        new URL('./api.proto', import.meta.url),
        // dist/src/k8s/deviceplugin/v1beta1/api.js -> src/k8s/deviceplugin/v1beta1/api.proto
        new URL('../../../../../src/k8s/deviceplugin/v1beta1/api.proto', import.meta.url),
    ].map((u) => fileURLToPath(u));
    for (const p of candidates)
        if (existsSync(p))
            return p;
    throw new Error(`device plugin api.proto not found; looked in: ${candidates.join(', ')}`);
}
let cached;
/** Loads api.proto once (allocates; control path only). */
export function loadApi() {
    if (cached)
        return cached;
    const packageDefinition = protoLoader.loadSync(protoPath(), LOADER_OPTIONS);
    const pkg = grpc.loadPackageDefinition(packageDefinition);
    cached = { Registration: pkg.v1beta1.Registration, DevicePlugin: pkg.v1beta1.DevicePlugin, packageDefinition };
    return cached;
}
/** grpc-js address for a unix socket path. */
export function unixAddress(path) {
    return `unix:${path}`;
}
//# sourceMappingURL=api.js.map