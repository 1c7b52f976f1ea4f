/**
 * An engine on its own worker thread, pinned to a CPU (run-to-completion), controlled from
 * the main thread by messages. Several workers connected by interlink rings form a pipeline.
 * The pool must live in shared memory (a SharedRegion's fd, or a SharedArrayBuffer).
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { eventfd, eventfdWrite, closeFd } from '../sys/index.js';
import type { GraphConfig } from './config.js';
import type { EngineStats } from './engine.js';
import type { SharedRing } from './interlink.js';

export interface PoolSource { fd?: number; size?: number; sab?: SharedArrayBuffer; count: number; bufSize: number }

export interface EngineWorkerData {
  name: string;
  pool: PoolSource;
  rings: Record<string, SharedRing>;
  /** Module URLs imported before configuring (to register app types). */
  modules: string[];
  cpu?: number;
  idleSpellMs: number;
  maxSleepMs: number;
  doorbell: number;
  port: MessagePort;
}

export type WorkerCommand =
  | { kind: 'configure'; id: number; config: GraphConfig }
  | { kind: 'stats'; id: number }
  | { kind: 'stop'; id: number };
export type WorkerReply =
  | { kind: 'ok'; id: number }
  | { kind: 'stats'; id: number; stats: EngineStats }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'log'; event: Record<string, unknown> };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface EngineWorkerOptions {
  name: string;
  pool: PoolSource;
  rings?: Record<string, SharedRing>;
  modules?: string[];
  cpu?: number;
  idleSpellMs?: number;
  maxSleepMs?: number;
  log?: (e: Record<string, unknown>) => void;
}

export class EngineWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly doorbell = eventfd();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  private exited = false;

  constructor(opts: EngineWorkerOptions) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: EngineWorkerData = {
      name: opts.name, pool: opts.pool, rings: opts.rings ?? {},
      modules: opts.modules ?? [],
      ...(opts.cpu !== undefined ? { cpu: opts.cpu } : {}),
      idleSpellMs: opts.idleSpellMs ?? 5, maxSleepMs: opts.maxSleepMs ?? 100, doorbell: this.doorbell, port: port2,
    };
    this.worker = new Worker(new URL('./engine-thread.js', import.meta.url), { workerData: data, transferList: [port2] });
    const onReply = (m: WorkerReply): void => {
      if (m.kind === 'log') { opts.log?.(m.event); return; }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.kind === 'error') p.reject(new Error(m.message));
      else p.resolve(m);
    };
    this.port.on('message', onReply);
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', () => {
      this.exited = true;
      // 'exit' may be emitted before the port delivers the thread's last replies (the stop
      // reply among them): take those first, so only requests it never answered fail.
      for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port)) onReply(m.message as WorkerReply);
      this.failAll(new Error(`engine ${opts.name} exited`));
    });
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private request(cmd: DistributiveOmit<WorkerCommand, 'id'>): Promise<WorkerReply> {
    if (this.exited) return Promise.reject(new Error('engine worker has exited'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ ...cmd, id });
      eventfdWrite(this.doorbell); // wake it if it sleeps
    });
  }

  async configure(config: GraphConfig): Promise<void> { await this.request({ kind: 'configure', config }); }

  async stats(): Promise<EngineStats> {
    return ((await this.request({ kind: 'stats' })) as { stats: EngineStats }).stats;
  }

  /** Stop the apps (draining links), end the thread, and return the final stats. */
  async stop(): Promise<EngineStats> {
    const r = (await this.request({ kind: 'stop' })) as { stats: EngineStats };
    await new Promise<void>((res) => { if (this.exited) res(); else this.worker.once('exit', () => res()); });
    this.port.close();
    closeFd(this.doorbell);
    return r.stats;
  }
}
