/**
 * `applyCaptures(graph, captures)`: a pure graph transform that inserts a pass-through
 * `capture` app on a port's output link (dir rx: what the port received from its peer)
 * and/or in front of its input link (dir tx: what the switch sends to the peer). Used by
 * `Switch` and the daemon; the input graph is not modified.
 *
 *   rx:  PORT.output -> X.in      becomes  PORT.output -> cap.input, cap.output -> X.in
 *   tx:  Y.out -> PORT.input      becomes  Y.out -> cap.input,       cap.output -> PORT.input
 *
 * Capture app names are `cap_PORT_rx` / `cap_PORT_tx` (with `_2`, `_3`… when taken). Several
 * captures of one port and direction chain. Throws a clear Error for an unknown port, a
 * port without the link to capture, a bad `dir` or a filter that does not compile.
 */
import type { GraphConfig } from '../../core/config.js';
import { parseLink, linkKey } from '../../core/config.js';
import { compileFilter } from './filter.js';
import './register.js';

export interface CaptureSpec {
  /** App name of the port. */
  port: string;
  /** pcapng file, FIFO, or `-`. */
  file: string;
  dir: 'rx' | 'tx' | 'both';
  filter?: string;
}

function describe(graph: GraphConfig, port: string): string {
  const a = graph.apps[port]!;
  const args = a.args as Record<string, unknown> | undefined;
  const what = typeof args?.ifname === 'string' ? ` ${args.ifname}` : typeof args?.path === 'string' ? ` ${args.path}` : '';
  return `${a.type}${what}`;
}

/** A new graph with capture apps inserted; see the module header. */
export function applyCaptures(graph: GraphConfig, captures: readonly CaptureSpec[]): GraphConfig {
  const apps: GraphConfig['apps'] = { ...graph.apps };
  let links = graph.links.map((s) => linkKey(parseLink(s)));
  for (const c of captures) {
    if (!(c.port in graph.apps)) throw new Error(`capture: no port named "${c.port}"`);
    if (c.dir !== 'rx' && c.dir !== 'tx' && c.dir !== 'both') throw new Error(`capture ${c.port}: dir must be rx, tx or both, got "${String(c.dir)}"`);
    if (typeof c.file !== 'string' || c.file === '') throw new Error(`capture ${c.port}: file is required`);
    if (c.filter) compileFilter(c.filter); // FilterError names the bad token
    const dirs: Array<'rx' | 'tx'> = c.dir === 'both' ? ['rx', 'tx'] : [c.dir];
    for (const dir of dirs) {
      let name = `cap_${c.port}_${dir}`;
      for (let n = 2; name in apps; n++) name = `cap_${c.port}_${dir}_${n}`;
      const i = links.findIndex((k) => {
        const l = parseLink(k);
        return dir === 'rx' ? l.from === c.port && l.output === 'output' : l.to === c.port && l.input === 'input';
      });
      if (i < 0) throw new Error(`capture ${c.port} ${dir}: the port has no ${dir === 'rx' ? 'output' : 'input'} link to capture`);
      const l = parseLink(links[i]!);
      const replaced = [`${l.from}.${l.output} -> ${name}.input`, `${name}.output -> ${l.to}.${l.input}`];
      links = [...links.slice(0, i), ...replaced, ...links.slice(i + 1)];
      apps[name] = {
        type: 'capture',
        args: { file: c.file, port: c.port, dir, description: `Sluice port ${c.port} (${describe(graph, c.port)}), ${dir === 'rx' ? 'received' : 'transmitted'}`, ...(c.filter ? { filter: c.filter } : {}) },
      };
    }
  }
  return { apps, links };
}

/**
 * Parse the CLI form `PORT:FILE[,dir=rx|tx|both][,filter=EXPR]` (PORT may also be a port
 * index, resolved by the caller). Throws naming the bad part.
 */
export function parseCaptureOption(text: string): { port: string; file: string; dir: 'rx' | 'tx' | 'both'; filter?: string } {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new Error(`--capture "${text}": expected PORT:FILE[,dir=rx|tx|both][,filter=EXPR]`);
  const port = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  // filter= takes the rest of the text (expressions may contain commas-free spaces, '=' etc.)
  const fIdx = rest.search(/,filter=/);
  const head = fIdx >= 0 ? rest.slice(0, fIdx) : rest;
  const filter = fIdx >= 0 ? rest.slice(fIdx + ',filter='.length) : undefined;
  const parts = head.split(',');
  const file = parts[0]!;
  if (file === '') throw new Error(`--capture "${text}": FILE is empty`);
  let dir: 'rx' | 'tx' | 'both' = 'both';
  for (const p of parts.slice(1)) {
    const m = /^dir=(rx|tx|both)$/.exec(p);
    if (!m) throw new Error(`--capture "${text}": unknown option "${p}" (expected dir=rx|tx|both or filter=EXPR)`);
    dir = m[1] as 'rx' | 'tx' | 'both';
  }
  if (filter !== undefined) compileFilter(filter);
  return { port, file, dir, ...(filter !== undefined ? { filter } : {}) };
}
