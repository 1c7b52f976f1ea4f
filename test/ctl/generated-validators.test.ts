/**
 * The standalone validators the daemon loads (scripts/gen-validators.mjs) are what ajv makes
 * of today's schemas: a schema changed without regenerating fails here, naming the command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);

test('generated validators match their schemas', async () => {
  const gen = await import(new URL('scripts/gen-validators.mjs', root).href) as { generate(): Promise<{ out: string; text: string }[]> };
  const files = await gen.generate();
  assert.equal(files.length, 3);
  for (const f of files) {
    assert.equal(readFileSync(new URL(f.out, root), 'utf8'), f.text, `${f.out} is stale: run \`node scripts/gen-validators.mjs\` after building, then build again`);
  }
});
