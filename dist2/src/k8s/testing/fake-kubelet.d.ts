/**
 * A fake kubelet for tests: serves the Registration service on <dir>/kubelet.sock and,
 * like the real device manager, dials each registered plugin back on <dir>/<endpoint>,
 * reads its options and keeps a ListAndWatch stream open.
 *
 * It checks Register the way the kubelet does (version must be v1beta1, resource name
 * "<domain>/<name>", endpoint a file in dir) and answers INVALID_ARGUMENT otherwise.
 * restart() mimics a kubelet restart: server down, directory deleted and recreated (taking
 * every plugin socket with it), server up on a new kubelet.sock.
 *
 * Not for production; lives under src/ so the compiled tests can import it.
 */
import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import { type AllocateRequest, type AllocateResponse, type Device, type DevicePluginOptions, type ListAndWatchResponse, type PreferredAllocationRequest, type PreferredAllocationResponse, type RegisterRequest } from '../deviceplugin/v1beta1/api.js';
export interface PluginHandle {
    resourceName: string;
    endpoint: string;
    options: DevicePluginOptions | null;
    client: grpc.Client;
    /** Device lists received on ListAndWatch, oldest first. */
    updates: Device[][];
    stream: grpc.ClientReadableStream<ListAndWatchResponse> | undefined;
}
export declare class FakeKubelet extends EventEmitter {
    readonly dir: string;
    readonly plugins: Map<string, PluginHandle>;
    registerCalls: RegisterRequest[];
    /** When set, Register fails with this message (e.g. a resource name already taken). */
    refuse: string | undefined;
    private server;
    constructor(dir: string);
    get socketPath(): string;
    start(): Promise<void>;
    stop(): Promise<void>;
    /** Kubelet restart: down, wipe the directory, up again on a fresh socket. */
    restart(): Promise<void>;
    /** Resolves with the plugin's handle once it has registered and sent a first list. */
    waitFor(resourceName: string, minUpdates?: number, timeoutMs?: number): Promise<PluginHandle>;
    allocate(resourceName: string, req: AllocateRequest): Promise<AllocateResponse>;
    preferred(resourceName: string, req: PreferredAllocationRequest): Promise<PreferredAllocationResponse>;
    preStart(resourceName: string, ids: string[]): Promise<object>;
    private call;
    private connectPlugin;
}
