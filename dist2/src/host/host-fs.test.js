import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostFs } from './host-fs.js';
test('missing, odd and oversized files are problems, not exceptions', () => {
    const root = mkdtempSync(join(tmpdir(), 'hfs-'));
    try {
        mkdirSync(join(root, 'proc'));
        writeFileSync(join(root, 'proc/num'), '42\n');
        writeFileSync(join(root, 'proc/odd'), 'forty-two\n');
        writeFileSync(join(root, 'proc/big'), Buffer.alloc((1 << 20) + 10, 0x41));
        const fs = new HostFs(root);
        assert.equal(fs.readInt('/proc/num'), 42);
        assert.equal(fs.readInt('/proc/odd'), undefined);
        assert.equal(fs.read('/proc/big'), undefined);
        assert.equal(fs.read('/proc/missing'), undefined);
        assert.equal(fs.read('/proc/missing2', true), undefined);
        assert.deepEqual(fs.list('/sys/nothing'), []);
        assert.equal(fs.read('/proc'), undefined); // a directory
        assert.equal(fs.problems.length, 5);
        assert.match(fs.problems[0], /\/proc\/odd: expected an integer, found "forty-two"/);
        assert.match(fs.problems[1], /\/proc\/big: larger than/);
        assert.match(fs.problems[2], /\/proc\/missing: ENOENT/);
        assert.throws(() => fs.resolve('/proc/../../etc/passwd'), /bad host path/);
        assert.throws(() => fs.resolve('proc/x'), /bad host path/);
        assert.equal(fs.read('/../x'), undefined);
    }
    finally {
        rmSync(root, { recursive: true, force: true });
    }
});
//# sourceMappingURL=host-fs.test.js.map