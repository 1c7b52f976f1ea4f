/**
 * One kubelet device plugin (API v1beta1) for one kind of Sluice port.
 *
 * Lifecycle (state machine):
 *   stopped --start()--> serving (gRPC server on <pluginDir>/<endpoint>)
 *   serving --Register OK--> registered
 *   serving --kubelet absent/refuses--> serving, retried every retryMs (logged, no throw)
 *   registered --own socket deleted or kubelet.sock replaced (kubelet restart)--> serving
 *            (server rebuilt on a fresh socket, then registered again)
 *   any --stop()--> stopped (ListAndWatch streams ended, socket removed)
 * The watch is a poll of two stat() calls every watchMs: fs.watch does not survive the
 * kubelet deleting and recreating the whole directory, a poll does.
 *
 * RPCs:
 *   GetDevicePluginOptions  pre_start_required and get_preferred_allocation_available true.
 *   ListAndWatch            the full device list now and after every provider health change.
 *   GetPreferredAllocation  preferDevices() per container (NUMA-aware).
 *   Allocate                provider.reserve per container, all-or-nothing across the whole
 *                           request; returns envs (env.ts), mounts and annotations.
 *   PreStartContainer       checks the ids are known and healthy.
 * Bad requests (unknown ids, wrong kind, malformed fields) get INVALID_ARGUMENT naming the
 * field; unhealthy devices FAILED_PRECONDITION; full disks RESOURCE_EXHAUSTED; anything else
 * INTERNAL. A handler never throws into grpc-js.
 */
import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import { type Device } from './deviceplugin/v1beta1/api.js';
import { type PortKind, type PortProvider } from './port-provider.js';
export interface DevicePluginConfig {
    /** Extended resource name, e.g. sluice.io/vhost-user. */
    resourceName: string;
    kind: PortKind;
    provider: PortProvider;
    /** Kubelet's device plugin directory (default /var/lib/kubelet/device-plugins). */
    pluginDir: string;
    /** Socket file name inside pluginDir (default sluice-<kind>.sock). */
    endpoint?: string;
    watchMs?: number;
    retryMs?: number;
    registerTimeoutMs?: number;
    log?: (event: string, fields?: Record<string, unknown>) => void;
}
export type PluginState = 'stopped' | 'serving' | 'registered';
export declare class DevicePlugin extends EventEmitter {
    readonly resourceName: string;
    readonly kind: PortKind;
    readonly pluginDir: string;
    readonly endpoint: string;
    readonly socketPath: string;
    readonly kubeletSocketPath: string;
    state: PluginState;
    /** Successful registrations so far (a kubelet restart adds one). */
    registrations: number;
    private readonly provider;
    private readonly watchMs;
    private readonly retryMs;
    private readonly registerTimeoutMs;
    private readonly log;
    private server;
    private readonly streams;
    private unsubscribe;
    private timer;
    private kubeletIno;
    private socketIno;
    private busy;
    private ticking;
    private lastAttempt;
    private attemptIno;
    constructor(config: DevicePluginConfig);
    /** Starts serving and tries to register; resolves once the socket is listening. */
    start(): Promise<void>;
    /** Ends streams, closes the server and removes the socket. */
    stop(): Promise<void>;
    /** The list ListAndWatch sends. */
    devices(): Device[];
    private serve;
    /**
     * The RPC handlers grpc-js calls with decoded requests (also the fuzz target's entry: a
     * request the kubelet, or anything that can reach the socket, sends lands here). Each
     * answers through its callback with a response or a status; none throws.
     */
    handlers(): grpc.UntypedServiceImplementation;
    private closeServer;
    private listAndWatch;
    private broadcast;
    private numaMap;
    private preferred;
    private allocate;
    private containerResponse;
    private preStart;
    private register;
    private tryRegister;
    /** One watch pass: detect kubelet restarts and retry registration. */
    private tick;
}
