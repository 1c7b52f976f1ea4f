/**
 * Sluice as a library: write network functions as apps on its engine (as Snabb users write
 * Lua apps), run them next to the built-in apps and ports.
 *
 *   import { App, registerApp, Engine, PacketPool, DropReason } from 'sluice';
 *
 * See examples/ for a complete app with its config.
 */
export { App } from './core/app.js';
export { Link, LINK_SIZE, PULL_NPACKETS } from './core/link.js';
export { PacketPool, HEADROOM, DEFAULT_BUF_SIZE } from './core/packet.js';
export { Ring } from './core/ring.js';
export { Engine, loadAppModules } from './core/engine.js';
export { EngineRunner } from './core/runner.js';
export { Host } from './runtime/host.js';
export { EngineWorker } from './core/worker.js';
export { createSharedRing, attachRing } from './core/interlink.js';
export { registerApp, appType, appTypeNames } from './core/registry.js';
export { parseLink, diffConfig } from './core/config.js';
export { DropReason, DROP_REASON_NAMES } from './core/drop-reasons.js';
export { RX_PACKETS, RX_BYTES, TX_PACKETS, TX_BYTES, DROP_BASE, counterReport } from './core/counters.js';
export { loadBuiltins } from './runtime/builtin.js';
export { Switch } from './switch/switch.js';
export { registerPortKind } from './core/port-kinds.js';
export { parsePortSpec } from './core/port-spec.js';
export * as proto from './lib/proto/index.js';
//# sourceMappingURL=index.js.map