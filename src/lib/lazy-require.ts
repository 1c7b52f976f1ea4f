/**
 * A CommonJS package (ajv, yaml) loaded on its first use rather than when the importing module
 * loads: a daemon restarting under running guests should not spend its start-up loading
 * code it will not run before its rings move.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A getter that requires `specifier` the first time it is called. */
export function lazyRequire<T>(specifier: string): () => T {
  let m: T | undefined;
  return () => (m ??= load(specifier) as T);
}
