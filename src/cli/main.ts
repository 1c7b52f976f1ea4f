/**
 * `sluice` command entry point.
 *
 * Each verb is a module in ./commands/<verb>.ts exporting
 * `main(argv: string[]): Promise<number>` (the exit code), so a new verb is a new file
 * and nothing here changes. Errors a user can act on are thrown as `UsageError` and
 * printed as one line; anything else is a bug and prints its stack.
 */
import { existsSync, readdirSync } from 'node:fs';
import { UsageError } from './usage-error.js';

const here = new URL('./commands/', import.meta.url);

function verbs(): string[] {
  return readdirSync(here).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
}

async function run(argv: string[]): Promise<number> {
  const verb = argv[0];
  if (verb === undefined || verb === 'help' || verb === '-h' || verb === '--help') {
    console.log(`usage: sluice <command> [args]\ncommands: ${verbs().join(', ')}`);
    return verb === undefined ? 2 : 0;
  }
  if (!/^[a-z][a-z-]*$/.test(verb) || !existsSync(new URL(`${verb}.js`, here))) {
    throw new UsageError(`unknown command "${verb}" (commands: ${verbs().join(', ')})`);
  }
  const mod = (await import(new URL(`${verb}.js`, here).href)) as { main(a: string[]): Promise<number> };
  return mod.main(argv.slice(1));
}

run(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`sluice: ${err.message}`);
      process.exitCode = err.exitCode;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  },
);
