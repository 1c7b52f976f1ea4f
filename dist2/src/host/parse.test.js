import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAP, cmdlineValue, formatCpuList, formatPageSize, hasCap, pageSizeKb, parseCapMask, parseCmdline, parseCpuList, parseKernelVersion, parseKeyValues, parseMounts, versionAtLeast, } from './parse.js';
test('cpu lists parse and format', () => {
    assert.deepEqual(parseCpuList('0-3,8,10-11\n'), [0, 1, 2, 3, 8, 10, 11]);
    assert.deepEqual(parseCpuList(''), []);
    assert.deepEqual(parseCpuList('(null)'), []);
    assert.deepEqual(parseCpuList('0-7:2/4'), [0, 1, 4, 5]);
    assert.equal(formatCpuList([11, 0, 1, 2, 3, 8, 10, 2]), '0-3,8,10-11');
    assert.equal(formatCpuList([]), '');
});
test('malformed cpu lists throw with the bad part named', () => {
    assert.throws(() => parseCpuList('0-3,x'), /bad cpu list entry "x"/);
    assert.throws(() => parseCpuList('5-2'), /bad cpu range "5-2"/);
    assert.throws(() => parseCpuList('0-99999'), /bad cpu range/);
    assert.throws(() => parseCpuList('0-7:5/4'), /bad cpu group/);
    assert.throws(() => parseCpuList('0-7:1/0'), /bad cpu group/);
    assert.throws(() => parseCpuList('1,,2'), /bad cpu list entry ""/);
});
test('cmdline: quotes, flags, last value wins', () => {
    const a = parseCmdline('ro quiet isolcpus=1-3 foo="a b" isolcpus=2-3 nosmt\n');
    assert.equal(cmdlineValue(a, 'isolcpus'), '2-3');
    assert.equal(cmdlineValue(a, 'foo'), 'a b');
    assert.equal(cmdlineValue(a, 'nosmt'), '');
    assert.equal(cmdlineValue(a, 'absent'), undefined);
});
test('mounts decode escapes and skip short lines', () => {
    const m = parseMounts('none /mnt/huge\\040pages hugetlbfs rw,pagesize=2M 0 0\ngarbage\n\n');
    assert.equal(m.length, 1);
    assert.equal(m[0].target, '/mnt/huge pages');
    assert.deepEqual(m[0].options, ['rw', 'pagesize=2M']);
});
test('page sizes, key values, caps, kernel versions', () => {
    assert.equal(pageSizeKb('1024M'), 1048576);
    assert.equal(pageSizeKb('2M'), 2048);
    assert.equal(pageSizeKb('1G'), 1048576);
    assert.equal(pageSizeKb('2048k'), 2048);
    assert.equal(pageSizeKb('huge'), undefined);
    assert.equal(formatPageSize(2048), '2M');
    assert.equal(formatPageSize(1048576), '1G');
    assert.equal(formatPageSize(64), '64K');
    assert.equal(parseKeyValues('A:  1 kB\nbad line\nB:\tx').get('A'), '1 kB');
    const cap = parseCapMask('00000000a80465fb');
    assert.ok(hasCap(cap, CAP.IPC_LOCK));
    assert.ok(!hasCap(parseCapMask('00000000a80425fb'), CAP.IPC_LOCK));
    assert.equal(parseCapMask('zz'), undefined);
    assert.equal(parseCapMask('1'.repeat(17)), undefined);
    assert.deepEqual(parseKernelVersion('5.14.0-362.el9'), [5, 14, 0]);
    assert.deepEqual(parseKernelVersion('6.5'), [6, 5, 0]);
    assert.equal(parseKernelVersion('Linux'), undefined);
    assert.ok(versionAtLeast([3, 17, 0], [3, 17]));
    assert.ok(!versionAtLeast([3, 16, 9], [3, 17]));
    assert.ok(versionAtLeast([4, 0, 0], [3, 17]));
});
//# sourceMappingURL=parse.test.js.map