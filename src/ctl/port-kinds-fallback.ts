/**
 * Port kinds the daemon needs for `sluice port add NAME type vhost-user path=...` that a
 * driver may not have registered with the switch's port-kind table yet (vhost-user and
 * virtio-user register app types and export string parsers). Registered only when missing,
 * after the built-ins loaded, so a driver's own registration always wins.
 */
import { portApp, registerPortKind } from '../switch/port-kinds.js';
import { parsePortSpec, PortSpecError } from '../switch/port-spec.js';

function known(kind: string): boolean {
  try { portApp(parsePortSpec(`${kind}:/x`)); return true; } catch (e) { return !/unknown kind/.test((e as Error).message); }
}

export async function ensurePortKinds(): Promise<void> {
  let parsers: Record<string, (s: string) => object> | undefined;
  try {
    parsers = ((await import('../drivers/vhost-user/index.js')) as { portParsers?: Record<string, (s: string) => object> }).portParsers;
  } catch { return; }
  for (const [kind, parse] of Object.entries(parsers ?? {})) {
    if (known(kind)) continue;
    registerPortKind(kind, {
      usage: `${kind}:PATH[,server|client][,queues=N]`,
      app(spec) {
        const rest = spec.text.slice(spec.text.indexOf(':') + 1);
        try { return { type: kind, args: parse(rest) }; } catch (e) { throw new PortSpecError((e as Error).message); }
      },
    });
  }
}
