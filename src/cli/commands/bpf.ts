/**
 * XDP programs on ports of the running daemon (the `bpf` app) and their maps:
 *   `sluice bpf attach PORT FILE.o [section=NAME] [program=NAME]`
 *   `sluice bpf detach PORT`
 *   `sluice bpf show`
 *   `sluice bpf map dump PORT MAP` | `update PORT MAP KEY VALUE [any|noexist|exist]` | `delete PORT MAP KEY`
 * with -j / -p for JSON.
 */
import { resolve } from 'node:path';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, table, EXIT } from '../client.js';

export async function main(argv: string[]): Promise<number> {
  return sub('bpf', parseGlobal(argv), {
    attach: async (g, w) => {
      const [port, file, ...rest] = w;
      if (!port || !file) throw new UsageError(usage('bpf', 'attach'));
      const params: Record<string, unknown> = { port, file: resolve(file) };
      for (const r of rest) {
        const m = /^(section|program)=(.+)$/.exec(r);
        if (!m) throw new UsageError(`bpf attach: unexpected "${r}" (section=NAME, program=NAME)`);
        params[m[1]!] = m[2];
      }
      const r = await request(g, 'bpf.attach', params);
      output(g, r, () => `${file} attached to ${port}`);
      return EXIT.OK;
    },
    detach: async (g, w) => {
      const [port] = w;
      if (!port || w.length > 1) throw new UsageError(usage('bpf', 'detach'));
      output(g, await request(g, 'bpf.detach', { port }), () => `program on ${port} detached`);
      return EXIT.OK;
    },
    show: async (g) => {
      const r = await request<any[]>(g, 'bpf.show');
      output(g, r, (list: any[]) => (list.length
        ? table(['PROGRAM', 'ATTACH', 'INSNS', 'RUNS', 'NS/RUN', 'PASS', 'DROP', 'TX', 'REDIRECT', 'ABORTED'],
          list.map((b) => [b.program, b.attach, b.insns, b.runs, b.nsPerRun, b.actions.pass, b.actions.drop, b.actions.tx, b.actions.redirect, b.actions.aborted]))
        : 'no XDP programs'));
      return EXIT.OK;
    },
    map: async (g, w) => {
      const [op, port, map, key, value, flags] = w;
      if (op === 'dump' && port && map && w.length === 3) {
        const r = await request<any>(g, 'bpf.map.dump', { port, map });
        output(g, r, (d: any) => (d.entries.length ? table(['KEY', 'VALUE'], d.entries.map((e: any) => [e.keyInt ?? e.key, e.valueInt ?? e.value])) : `map ${map} is empty`));
        return EXIT.OK;
      }
      if (op === 'update' && port && map && key !== undefined && value !== undefined && w.length <= 6) {
        if (flags !== undefined && !['any', 'noexist', 'exist'].includes(flags)) throw new UsageError(`bpf map update: flags must be any, noexist or exist, got "${flags}"`);
        output(g, await request(g, 'bpf.map.update', { port, map, key, value, ...(flags ? { flags } : {}) }), () => `${map}[${key}] = ${value}`);
        return EXIT.OK;
      }
      if (op === 'delete' && port && map && key !== undefined && w.length === 4) {
        output(g, await request(g, 'bpf.map.delete', { port, map, key }), () => `${map}[${key}] deleted`);
        return EXIT.OK;
      }
      throw new UsageError(usage('bpf', 'map'));
    },
  });
}
