import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SLUICE } from '../support/cli.js';
test('the example policer app runs from its YAML next to built-in apps; counts add up', () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [SLUICE, 'run', 'examples/policer/policer.yaml', '--duration', '1'], { cwd: root, encoding: 'utf8', timeout: 30000 });
    assert.equal(r.status, 0, r.stderr);
    const s = { apps: Object.fromEntries(JSON.parse(r.stdout).apps.map((a) => [a.name, a])) };
    const gen = s.apps.gen.rx.packets, passed = s.apps.police.info.passed, filtered = s.apps.police.drops.filtered ?? 0;
    assert.ok(gen > passed, 'the generator outpaces the policer');
    assert.equal(passed + filtered, gen, 'every packet passed or was dropped as filtered');
    assert.equal(s.apps.sink.tx.packets, passed);
    assert.ok(passed <= 100000 * 1.5 + 1000, `policed to about 100k pps (passed ${passed} in ~1 s)`);
});
//# sourceMappingURL=example.test.js.map