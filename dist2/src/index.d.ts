/**
 * Sluice as a library: write network functions as apps on its engine (as Snabb users write
 * Lua apps), run them next to the built-in apps and ports.
 *
 *   import { App, registerApp, Engine, PacketPool, DropReason } from 'sluice';
 *
 * See examples/ for a complete app with its config.
 */
export { App, type AppContext, type AppClass } from './core/app.js';
export { Link, LINK_SIZE, PULL_NPACKETS } from './core/link.js';
export { PacketPool, HEADROOM, DEFAULT_BUF_SIZE } from './core/packet.js';
export { Ring, type RingMode } from './core/ring.js';
export { Engine, loadAppModules, type EngineStats, type EngineOptions } from './core/engine.js';
export { EngineRunner, type RunnerOptions } from './core/runner.js';
export { Host, type HostOptions } from './runtime/host.js';
export type { DataPlaneState } from './runtime/state.js';
export { EngineWorker, type EngineWorkerOptions } from './core/worker.js';
export { createSharedRing, attachRing, type SharedRing } from './core/interlink.js';
export { registerApp, appType, appTypeNames } from './core/registry.js';
export { parseLink, diffConfig, type GraphConfig, type AppSpec } from './core/config.js';
export { DropReason, DROP_REASON_NAMES } from './core/drop-reasons.js';
export { RX_PACKETS, RX_BYTES, TX_PACKETS, TX_BYTES, DROP_BASE, counterReport } from './core/counters.js';
export { loadBuiltins } from './runtime/builtin.js';
export { Switch, type SwitchOptions } from './switch/switch.js';
export { registerPortKind } from './core/port-kinds.js';
export { parsePortSpec } from './core/port-spec.js';
export * as proto from './lib/proto/index.js';
