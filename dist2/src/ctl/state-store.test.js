import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateStore, StateStoreError, STATE_FORMAT, defaultStateDir } from './state-store.js';
const root = mkdtempSync(join(tmpdir(), 'sluice-store-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(root, `d${n++}`);
test('save then load gives the state back; the file names format and generation', async () => {
    const dir = fresh();
    const st = StateStore.open(dir);
    assert.equal(st.load(), undefined, 'an empty directory has no state');
    const s = { version: 1, ports: { a: { spec: 'sink' } } };
    await st.save(s);
    await st.save({ ...s, ports: { ...s.ports, b: { spec: 'null' } } });
    const doc = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    assert.equal(doc.format, STATE_FORMAT);
    assert.equal(doc.generation, 2);
    assert.deepEqual(Object.keys(doc.state.ports), ['a', 'b']);
    assert.deepEqual(readdirSync(dir).sort(), ['lock', 'state.json'], 'no temporary file left');
    st.close();
    const again = StateStore.open(dir);
    assert.deepEqual(Object.keys(again.load().ports), ['a', 'b']);
    await again.save(s);
    assert.equal(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).generation, 3, 'generations continue across restarts');
    again.close();
});
test('a second open of a locked directory fails naming the directory and the holder pid', () => {
    const dir = fresh();
    const st = StateStore.open(dir);
    assert.throws(() => StateStore.open(dir), (e) => e instanceof StateStoreError
        && e.message === `state directory ${dir} is in use by another sluice daemon (pid ${process.pid}) holding ${join(dir, 'lock')}`);
    st.close();
    StateStore.open(dir).close(); // released on close
});
test('a corrupt, invalid or newer state file stops the load with one line naming it, and is left as it was', () => {
    for (const [body, re] of [
        ['{"format":1,"state":{"ports":', /^(.*state\.json): corrupt state file \(.*JSON.*\); refusing to start without it/],
        ['', /corrupt state file/],
        ['[]', /corrupt state file \(no valid "format"\)/],
        ['{"format":1,"state":{"ports":{"9x":{"spec":"sink"}}}}', /state\.json: corrupt state file: ports\.9x: bad name/],
        [`{"format":${STATE_FORMAT + 1},"state":{"whatever":1}}`, new RegExp(`state\\.json: written in state format ${STATE_FORMAT + 1} by a newer Sluice; this one reads format ${STATE_FORMAT}`)],
    ]) {
        const dir = fresh();
        const st = StateStore.open(dir);
        writeFileSync(join(dir, 'state.json'), body);
        assert.throws(() => st.load(), (e) => e instanceof StateStoreError && re.test(e.message) && !e.message.includes('\n') && e.message.startsWith(join(dir, 'state.json')), body);
        assert.equal(readFileSync(join(dir, 'state.json'), 'utf8'), body);
        st.close();
    }
});
test('a temporary file left by a crash is removed at open; the directory is created', () => {
    const dir = join(fresh(), 'deeper');
    const st = StateStore.open(dir);
    st.close();
    writeFileSync(join(dir, 'state.json.tmp'), '{"torn');
    StateStore.open(dir).close();
    assert.equal(existsSync(join(dir, 'state.json.tmp')), false);
});
test('default state directory: /var/lib/sluice for root, a writable one under $HOME otherwise', () => {
    assert.equal(defaultStateDir({}, 0), '/var/lib/sluice');
    assert.equal(defaultStateDir({ XDG_STATE_HOME: '/x/state', HOME: '/home/u' }, 1000), '/x/state/sluice');
    assert.equal(defaultStateDir({ HOME: '/home/u' }, 1000), '/home/u/.local/state/sluice');
    assert.equal(defaultStateDir({ XDG_STATE_HOME: 'relative', HOME: '/home/u' }, 1000), '/home/u/.local/state/sluice');
});
//# sourceMappingURL=state-store.test.js.map