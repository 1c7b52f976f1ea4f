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
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import {
  HEALTHY, KUBELET_SOCKET_NAME, MAX_DEVICE_ID_LENGTH, UNHEALTHY, VERSION, loadApi, unixAddress,
  type AllocateRequest, type AllocateResponse, type ContainerAllocateResponse, type Device,
  type DevicePluginOptions, type ListAndWatchResponse, type PreferredAllocationRequest,
  type PreferredAllocationResponse, type PreStartContainerRequest, type RegisterRequest,
} from './deviceplugin/v1beta1/api.js';
import { buildPortEnv } from './env.js';
import { preferDevices } from './preferred.js';
import { PortError, type AllocatedPort, type PortKind, type PortProvider } from './port-provider.js';
import { checkSocketPath } from './socket-pool-provider.js';

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

const RESOURCE_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;
const MAX_IDS_PER_REQUEST = 4096;

function statusError(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() }) as grpc.ServiceError;
}

function portErrorStatus(err: unknown): grpc.ServiceError {
  if (err instanceof PortError) {
    const code = err.code === 'Unhealthy' ? grpc.status.FAILED_PRECONDITION
      : err.code === 'Exhausted' ? grpc.status.RESOURCE_EXHAUSTED
      : err.code === 'Io' ? grpc.status.INTERNAL
      : grpc.status.INVALID_ARGUMENT;
    return statusError(code, err.message);
  }
  return statusError(grpc.status.INTERNAL, `internal error: ${(err as Error)?.message ?? String(err)}`);
}

/** Checks a repeated-string field of a request; returns the list or throws INVALID_ARGUMENT. */
function idList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw statusError(grpc.status.INVALID_ARGUMENT, `${field} must be a list of device ids`);
  if (value.length > MAX_IDS_PER_REQUEST) throw statusError(grpc.status.INVALID_ARGUMENT, `${field} has ${value.length} ids (max ${MAX_IDS_PER_REQUEST})`);
  value.forEach((id, i) => {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_DEVICE_ID_LENGTH) {
      throw statusError(grpc.status.INVALID_ARGUMENT, `${field}[${i}] is not a device id: ${JSON.stringify(id)?.slice(0, 80)}`);
    }
  });
  return value as string[];
}

export class DevicePlugin extends EventEmitter {
  readonly resourceName: string;
  readonly kind: PortKind;
  readonly pluginDir: string;
  readonly endpoint: string;
  readonly socketPath: string;
  readonly kubeletSocketPath: string;
  state: PluginState = 'stopped';
  /** Successful registrations so far (a kubelet restart adds one). */
  registrations = 0;
  private readonly provider: PortProvider;
  private readonly watchMs: number;
  private readonly retryMs: number;
  private readonly registerTimeoutMs: number;
  private readonly log: (event: string, fields?: Record<string, unknown>) => void;
  private server: grpc.Server | undefined;
  private readonly streams = new Set<grpc.ServerWritableStream<unknown, ListAndWatchResponse>>();
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private kubeletIno = -1;
  private socketIno = -1;
  private busy = false;
  private ticking: Promise<void> = Promise.resolve();
  private lastAttempt = 0;
  private attemptIno = -1;

  constructor(config: DevicePluginConfig) {
    super();
    if (!RESOURCE_NAME.test(config.resourceName)) throw new Error(`resourceName must look like <domain>/<name>, got ${JSON.stringify(config.resourceName)}`);
    this.resourceName = config.resourceName;
    this.kind = config.kind;
    this.provider = config.provider;
    this.pluginDir = config.pluginDir;
    this.endpoint = config.endpoint ?? `sluice-${config.kind}.sock`;
    if (this.endpoint.includes('/') || this.endpoint === KUBELET_SOCKET_NAME) throw new Error(`endpoint must be a plain file name other than ${KUBELET_SOCKET_NAME}, got ${this.endpoint}`);
    this.socketPath = join(this.pluginDir, this.endpoint);
    this.kubeletSocketPath = join(this.pluginDir, KUBELET_SOCKET_NAME);
    checkSocketPath('plugin socket path', this.socketPath);
    checkSocketPath('kubelet socket path', this.kubeletSocketPath);
    this.watchMs = config.watchMs ?? 1000;
    this.retryMs = config.retryMs ?? 5000;
    this.registerTimeoutMs = config.registerTimeoutMs ?? 5000;
    this.log = config.log ?? ((event, fields) => { process.stderr.write(JSON.stringify({ event, resource: this.resourceName, ...fields }) + '\n'); });
  }

  /** Starts serving and tries to register; resolves once the socket is listening. */
  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.unsubscribe = this.provider.onHealthChange((kind) => { if (kind === this.kind) this.broadcast(); });
    await this.serve();
    await this.tryRegister();
    this.timer = setInterval(() => { this.ticking = this.tick(); }, this.watchMs);
    this.timer.unref();
  }

  /** Ends streams, closes the server and removes the socket. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking; // a watch pass may be rebuilding the server right now
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.closeServer();
    await rm(this.socketPath, { force: true }).catch(() => undefined);
    this.state = 'stopped';
  }

  /** The list ListAndWatch sends. */
  devices(): Device[] {
    return this.provider.list(this.kind).map((d) => ({
      ID: d.id,
      health: d.healthy ? HEALTHY : UNHEALTHY,
      topology: d.numaNode >= 0 ? { nodes: [{ ID: d.numaNode }] } : null,
    }));
  }

  private async serve(): Promise<void> {
    // The kubelet normally owns this directory; create it so we can listen before it starts.
    await mkdir(this.pluginDir, { recursive: true });
    await rm(this.socketPath, { force: true });
    const server = new grpc.Server();
    const api = loadApi();
    server.addService(api.DevicePlugin.service, this.handlers());
    try {
      await new Promise<void>((resolve, reject) => {
        server.bindAsync(unixAddress(this.socketPath), grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve()));
      });
    } catch (err) {
      server.forceShutdown();
      throw new Error(`cannot listen on ${this.socketPath}: ${(err as Error).message}`);
    }
    this.server = server;
    this.socketIno = (await stat(this.socketPath)).ino;
    this.state = 'serving';
    this.log('serving', { socket: this.socketPath });
  }

  /**
   * The RPC handlers grpc-js calls with decoded requests (also the fuzz target's entry: a
   * request the kubelet, or anything that can reach the socket, sends lands here). Each
   * answers through its callback with a response or a status; none throws.
   */
  handlers(): grpc.UntypedServiceImplementation {
    return {
      GetDevicePluginOptions: (_call: unknown, cb: grpc.sendUnaryData<DevicePluginOptions>) => {
        cb(null, { pre_start_required: true, get_preferred_allocation_available: true });
      },
      ListAndWatch: (call: grpc.ServerWritableStream<unknown, ListAndWatchResponse>) => this.listAndWatch(call),
      GetPreferredAllocation: (call: grpc.ServerUnaryCall<PreferredAllocationRequest, PreferredAllocationResponse>, cb: grpc.sendUnaryData<PreferredAllocationResponse>) => {
        try { cb(null, this.preferred(call.request)); } catch (err) { cb(portErrorStatusOr(err)); }
      },
      Allocate: (call: grpc.ServerUnaryCall<AllocateRequest, AllocateResponse>, cb: grpc.sendUnaryData<AllocateResponse>) => {
        this.allocate(call.request).then((r) => cb(null, r), (err: unknown) => cb(portErrorStatusOr(err)));
      },
      PreStartContainer: (call: grpc.ServerUnaryCall<PreStartContainerRequest, object>, cb: grpc.sendUnaryData<object>) => {
        try { this.preStart(call.request); cb(null, {}); } catch (err) { cb(portErrorStatusOr(err)); }
      },
    };
  }

  private async closeServer(): Promise<void> {
    for (const s of this.streams) { try { s.end(); } catch { /* already gone */ } }
    this.streams.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => { server.forceShutdown(); resolve(); }, 500);
      server.tryShutdown(() => { clearTimeout(t); resolve(); });
    });
  }

  private listAndWatch(call: grpc.ServerWritableStream<unknown, ListAndWatchResponse>): void {
    this.streams.add(call);
    const drop = () => { this.streams.delete(call); };
    call.on('cancelled', drop);
    call.on('close', drop);
    call.on('error', drop);
    call.write({ devices: this.devices() });
  }

  private broadcast(): void {
    const msg = { devices: this.devices() };
    this.log('devices-changed', { unhealthy: msg.devices.filter((d) => d.health !== HEALTHY).length, total: msg.devices.length });
    for (const s of this.streams) { try { s.write(msg); } catch { this.streams.delete(s); } }
  }

  private numaMap(): Map<string, number> {
    return new Map(this.provider.list(this.kind).map((d) => [d.id, d.numaNode]));
  }

  private preferred(req: PreferredAllocationRequest): PreferredAllocationResponse {
    if (!Array.isArray(req?.container_requests)) throw statusError(grpc.status.INVALID_ARGUMENT, 'container_requests must be a list');
    const numa = this.numaMap();
    return {
      container_responses: req.container_requests.map((c, i) => {
        const avail = idList(c?.available_deviceIDs, `container_requests[${i}].available_deviceIDs`);
        const must = idList(c?.must_include_deviceIDs, `container_requests[${i}].must_include_deviceIDs`);
        for (const id of [...avail, ...must]) {
          if (!numa.has(id)) throw statusError(grpc.status.INVALID_ARGUMENT, `container_requests[${i}]: unknown device id ${JSON.stringify(id)}`);
        }
        try {
          return { deviceIDs: preferDevices(avail, must, c.allocation_size, (id) => numa.get(id) ?? -1) };
        } catch (err) {
          throw statusError(grpc.status.INVALID_ARGUMENT, `container_requests[${i}].${(err as Error).message}`);
        }
      }),
    };
  }

  private async allocate(req: AllocateRequest): Promise<AllocateResponse> {
    if (!Array.isArray(req?.container_requests) || req.container_requests.length === 0) {
      throw statusError(grpc.status.INVALID_ARGUMENT, 'container_requests must be a non-empty list');
    }
    const lists = req.container_requests.map((c, i) => idList(c?.devices_ids, `container_requests[${i}].devices_ids`));
    const all = lists.flat();
    if (new Set(all).size !== all.length) throw statusError(grpc.status.INVALID_ARGUMENT, 'a device id appears twice in one AllocateRequest');
    const reserved: string[] = [];
    const responses: ContainerAllocateResponse[] = [];
    try {
      for (let i = 0; i < lists.length; i++) {
        const ids = lists[i]!;
        if (ids.length === 0) throw statusError(grpc.status.INVALID_ARGUMENT, `container_requests[${i}].devices_ids is empty`);
        const alloc = await this.provider.reserve(this.kind, ids, { containerIndex: i });
        reserved.push(...ids);
        responses.push(this.containerResponse(alloc.ports, alloc.mounts));
      }
    } catch (err) {
      // All-or-nothing across containers: release what earlier containers got.
      if (reserved.length > 0) await this.provider.release(this.kind, reserved).catch(() => undefined);
      this.log('allocate-failed', { error: (err as Error).message });
      throw err;
    }
    this.log('allocated', { devices: all });
    return { container_responses: responses };
  }

  private containerResponse(ports: AllocatedPort[], mounts: { hostPath: string; containerPath: string; readOnly: boolean }[]): ContainerAllocateResponse {
    for (const p of ports) checkSocketPath(`container socket path of ${p.deviceId}`, p.containerSocketPath);
    const nodes = [...new Set(ports.map((p) => p.numaNode))].sort((a, b) => a - b);
    return {
      envs: buildPortEnv(this.kind, ports),
      mounts: mounts.map((m) => ({ container_path: m.containerPath, host_path: m.hostPath, read_only: m.readOnly })),
      devices: [],
      annotations: {
        [`${this.resourceName}.devices`]: ports.map((p) => p.deviceId).join(','),
        [`${this.resourceName}.numa-nodes`]: nodes.join(','),
      },
      cdi_devices: [],
    };
  }

  private preStart(req: PreStartContainerRequest): void {
    const ids = idList(req?.devices_ids, 'devices_ids');
    const known = new Map(this.provider.list(this.kind).map((d) => [d.id, d]));
    for (const id of ids) {
      const d = known.get(id);
      if (!d) throw statusError(grpc.status.INVALID_ARGUMENT, `devices_ids: unknown device id ${JSON.stringify(id)}`);
      if (!d.healthy) throw statusError(grpc.status.FAILED_PRECONDITION, `device ${id} is unhealthy: ${d.reason}`);
    }
  }

  private register(): Promise<void> {
    const api = loadApi();
    const client = new api.Registration(unixAddress(this.kubeletSocketPath), grpc.credentials.createInsecure());
    const req: RegisterRequest = {
      version: VERSION,
      endpoint: this.endpoint,
      resource_name: this.resourceName,
      options: { pre_start_required: true, get_preferred_allocation_available: true },
    };
    return new Promise<void>((resolve, reject) => {
      const deadline = new Date(Date.now() + this.registerTimeoutMs);
      (client as unknown as { Register(r: RegisterRequest, o: grpc.CallOptions, cb: (e: grpc.ServiceError | null) => void): void })
        .Register(req, { deadline }, (err) => {
          client.close();
          if (err) reject(err); else resolve();
        });
    });
  }

  private async tryRegister(): Promise<void> {
    this.lastAttempt = Date.now();
    let ino: number;
    try {
      ino = (await stat(this.kubeletSocketPath)).ino;
      this.attemptIno = ino;
    } catch {
      this.log('kubelet-absent', { socket: this.kubeletSocketPath, retryMs: this.retryMs });
      this.emit('register-failed', new Error(`kubelet socket ${this.kubeletSocketPath} does not exist`));
      return;
    }
    try {
      await this.register();
      this.kubeletIno = ino;
      this.state = 'registered';
      this.registrations++;
      this.log('registered', { kubelet: this.kubeletSocketPath, endpoint: this.endpoint });
      this.emit('registered');
    } catch (err) {
      this.log('register-failed', { error: (err as Error).message, retryMs: this.retryMs });
      this.emit('register-failed', err);
    }
  }

  /** One watch pass: detect kubelet restarts and retry registration. */
  private async tick(): Promise<void> {
    if (this.busy || this.state === 'stopped') return;
    this.busy = true;
    try {
      const own = await stat(this.socketPath).then((s) => s.ino, () => -1);
      const kubelet = await stat(this.kubeletSocketPath).then((s) => s.ino, () => -1);
      if (own !== this.socketIno) {
        // The kubelet wipes the directory when it restarts: serve again on a fresh socket.
        this.log('socket-removed', { socket: this.socketPath });
        this.state = 'serving';
        await this.closeServer();
        if (this.timer === undefined) return;
        await this.serve();
        if (kubelet !== -1) await this.tryRegister();
        this.emit('restarted');
      } else if (this.state === 'registered' && kubelet !== this.kubeletIno) {
        this.log('kubelet-restarted', { socket: this.kubeletSocketPath });
        this.state = 'serving';
        if (kubelet !== -1) await this.tryRegister();
      } else if (this.state === 'serving' && kubelet !== -1 && (kubelet !== this.attemptIno || Date.now() - this.lastAttempt >= this.retryMs)) {
        // A new kubelet socket is tried at once; a refusing kubelet every retryMs.
        await this.tryRegister();
      }
    } catch (err) {
      this.log('watch-error', { error: (err as Error).message });
    } finally {
      this.busy = false;
    }
  }
}

function portErrorStatusOr(err: unknown): grpc.ServiceError {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as grpc.ServiceError).code === 'number') return err as grpc.ServiceError;
  return portErrorStatus(err);
}
