/**
 * `sluice apply FILE [--dry-run] [-j|-p]`
 *
 * Reconciles the running daemon to the desired state in FILE (YAML or JSON, the format
 * `sluice show config` prints): ports, bridges, routers and captures become exactly what the
 * file lists (a missing section means none); engine/metrics settings absent from the file
 * stay as they are. Prints the changes, one per line (`+`, `-`, `~` and a dotted path);
 * with --dry-run prints them and changes nothing. `-` as FILE reads stdin.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../usage-error.js';
import { parseGlobal, request, output, EXIT } from '../../ctl/cli.js';

export async function main(argv: string[]): Promise<number> {
  const g = parseGlobal(argv, ['--dry-run', '-n']);
  if (g.help) { console.log('usage: sluice apply FILE [--dry-run] [-j|-p] [--socket PATH]'); return EXIT.OK; }
  if (g.words.length !== 1) throw new UsageError('usage: sluice apply FILE [--dry-run]');
  const file = g.words[0]!;
  let yaml: string;
  try { yaml = readFileSync(file === '-' ? 0 : file, 'utf8'); } catch (e) { throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  const dryRun = g.flags.has('--dry-run') || g.flags.has('-n');
  const r = await request<{ text: string }>(g, 'config.apply', { yaml, dryRun });
  output(g, r, (x) => (dryRun ? `dry run, would apply:\n${x.text}` : x.text));
  return EXIT.OK;
}
