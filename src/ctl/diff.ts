/**
 * What `sluice apply --dry-run` prints: the difference between two desired states as a
 * list of changes, each `+` (added), `-` (removed) or `~` (changed) at a dotted path,
 * e.g. `+ ports.vm3 {"spec":"vhost-user:/run/vm3.sock"}` or `- bridges.br0.ports.vm1`.
 * Collections are compared member by member (ports, bridge members, flows, router
 * interfaces, routes, captures) so a change to one member is one line.
 */
import type { DesiredState } from './model.js';

export interface Change { op: '+' | '-' | '~'; path: string; from?: unknown; to?: unknown }

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffMap(path: string, a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined, out: Change[], inner?: (p: string, x: any, y: any) => void): void {
  a ??= {}; b ??= {};
  for (const k of Object.keys(a)) if (!(k in b)) out.push({ op: '-', path: `${path}.${k}`, from: a[k] });
  for (const k of Object.keys(b)) {
    if (!(k in a)) out.push({ op: '+', path: `${path}.${k}`, to: b[k] });
    else if (!same(a[k], b[k])) {
      if (inner) inner(`${path}.${k}`, a[k], b[k]);
      else out.push({ op: '~', path: `${path}.${k}`, from: a[k], to: b[k] });
    }
  }
}

function diffList(path: string, a: unknown[] | undefined, b: unknown[] | undefined, out: Change[]): void {
  const as = (a ?? []).map((x) => JSON.stringify(x)), bs = (b ?? []).map((x) => JSON.stringify(x));
  for (const x of as) if (!bs.includes(x)) out.push({ op: '-', path, from: JSON.parse(x) });
  for (const x of bs) if (!as.includes(x)) out.push({ op: '+', path, to: JSON.parse(x) });
}

/** Changes that take state `a` to state `b` (empty when they are the same). */
export function diffState(a: DesiredState, b: DesiredState): Change[] {
  const out: Change[] = [];
  for (const k of ['engine', 'api', 'metrics'] as const) diffMap(k, a[k] as Record<string, unknown>, b[k] as Record<string, unknown>, out);
  diffMap('ports', a.ports as Record<string, unknown>, b.ports as Record<string, unknown>, out);
  diffMap('bridges', a.bridges as Record<string, unknown>, b.bridges as Record<string, unknown>, out, (p, x, y) => {
    if ((x.type ?? 'learning') !== (y.type ?? 'learning')) { out.push({ op: '~', path: `${p}.type`, from: x.type, to: y.type }); return; }
    diffMap(`${p}.ports`, x.ports, y.ports, out);
    diffList(`${p}.flows`, x.flows, y.flows, out);
  });
  diffMap('routers', a.routers as Record<string, unknown>, b.routers as Record<string, unknown>, out, (p, x, y) => {
    diffMap(`${p}.interfaces`, x.interfaces, y.interfaces, out);
    diffList(`${p}.routes`, x.routes, y.routes, out);
  });
  diffList('captures', a.captures, b.captures, out);
  diffList('bpf', a.bpf, b.bpf, out);
  return out;
}

/** One line per change. */
export function formatChanges(changes: Change[]): string {
  if (changes.length === 0) return 'no changes';
  return changes.map((c) => {
    if (c.op === '+') return `+ ${c.path} ${JSON.stringify(c.to)}`;
    if (c.op === '-') return `- ${c.path}${c.from !== undefined && typeof c.from !== 'object' ? ` ${JSON.stringify(c.from)}` : ''}`;
    return `~ ${c.path} ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`;
  }).join('\n');
}
