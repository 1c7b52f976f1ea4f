/**
 * Prometheus exposition of the daemon's counters: a prom-client Registry whose metrics are
 * read from a fresh `collectStats()` snapshot on every scrape (no per-packet work, nothing
 * cached between scrapes), served by node:http at `GET /metrics` on a configurable local
 * address (default 127.0.0.1:9469; "off" disables it).
 *
 * Counters: sluice_port_{rx,tx}_{packets,bytes}_total{port,kind},
 *   sluice_port_queue_{rx,tx}_packets_total{port,queue} (ports that report queues),
 *   sluice_app_{rx,tx}_packets_total{app,type}, sluice_drops_total{app,reason},
 *   sluice_engine_{busy,idle}_seconds_total, sluice_engine_breaths_total,
 *   sluice_engine_sleeps_total, sluice_pool_alloc_fail_total.
 * Gauges: sluice_pool_buffers{state=free|in_use}, sluice_pool_size,
 *   sluice_engine_load (busy share since the previous scrape, 0..1),
 *   sluice_app_ns_per_packet{app}, sluice_link_queued{link}, sluice_ports.
 */
import { type Server } from 'node:http';
import { Registry } from 'prom-client';
import type { DaemonStats } from './stats.js';
export declare function buildRegistry(snapshot: () => DaemonStats): Registry;
/** Parse "HOST:PORT" ("[::1]:9469" for IPv6); throws naming the value. */
export declare function parseListen(s: string): {
    host: string;
    port: number;
};
/** Serve `GET /metrics` from `reg`; resolves once listening (port 0 picks a free port). */
export declare function serveMetrics(reg: Registry, listen: string): Promise<Server>;
