class Documented extends Error {
}
const base = { covers: ['/test/fuzz/targets/selftest'], maxLen: 64, expected: (e) => (e instanceof Documented ? null : 'undocumented') };
let held = null;
export const targets = {
    deep: {
        ...base, name: 'selftest-deep', seeds: () => [new Uint8Array(4)],
        run(d) {
            if (d[0] === 0x46) {
                if (d[1] === 0x55) {
                    if (d[2] === 0x5a) {
                        if (d[3] === 0x5a)
                            throw new TypeError('planted');
                    }
                }
            }
        },
    },
    hang: { ...base, name: 'selftest-hang', seeds: () => [Uint8Array.of(1)], run(d) { while (d[0] === 1)
            ; } },
    oom: {
        ...base, name: 'selftest-oom', seeds: () => [Uint8Array.of(2)],
        run(d) { const keep = []; while (d[0] === 2)
            keep.push(new Array(1e5).fill(d.length)); },
    },
    memory: { ...base, name: 'selftest-memory', seeds: () => [Uint8Array.of(3)], run(d) { if (d[0] === 3)
            held = new ArrayBuffer(64 << 20); void held; } },
    escape: {
        ...base, name: 'selftest-escape', seeds: () => [Uint8Array.of(4)],
        run(d) { if (d[0] === 4)
            throw new Documented('fine'); if (d.length > 1)
            throw new RangeError('not documented'); },
    },
};
//# sourceMappingURL=selftest.js.map