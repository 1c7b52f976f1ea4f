import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PacketPool } from './packet.js';
import { Engine } from './engine.js';
import { Link, LINK_MAX } from './link.js';
import { App } from './app.js';
import { registerApp } from './registry.js';
import { diffConfig, parseLink } from './config.js';
import { TX_PACKETS } from './counters.js';
import '../apps/basic/index.js';
const newPool = (n = 4096) => new PacketPool(new ArrayBuffer(PacketPool.bytesFor(n, 2048)), n, 2048);
test('link: fill to max, one more drops, is counted and its buffer freed', () => {
    const pool = newPool();
    const l = new Link('a.o -> b.i', pool);
    for (let i = 0; i < LINK_MAX; i++)
        l.transmit(pool.alloc());
    assert.ok(l.full());
    const before = pool.audit().inUse;
    l.transmit(pool.alloc());
    assert.equal(l.txDrop, 1);
    assert.equal(pool.audit().inUse, before, 'the dropped packet went back to the pool');
    assert.equal(l.drain(), LINK_MAX);
    assert.equal(pool.audit().inUse, 0);
});
test('gen -> sink: counts add up, sequence verified, no leaks after stop', () => {
    const pool = newPool();
    const e = new Engine(pool);
    e.configure({ apps: { gen: { type: 'gen', args: { size: 64, flows: 4, count: 10000 } }, sink: { type: 'sink' } }, links: ['gen.output -> sink.input'] });
    const gen = e.apps.get('gen'), sink = e.apps.get('sink');
    assert.ok(e.runUntil(() => gen.done() && e.links.get('gen.output -> sink.input').empty(), 20000));
    const s = e.stats();
    assert.equal(s.apps.gen.rx.packets, 10000);
    assert.equal(s.apps.sink.tx.packets, 10000);
    assert.equal(s.apps.sink.tx.bytes, 640000);
    assert.deepEqual(sink.report(), { inOrder: 10000, lost: 0, late: 0, unstamped: 0, nextExpected: 10000 });
    e.stop();
    assert.equal(pool.audit().inUse, 0, 'every buffer returned');
});
class Dropper extends App {
    constructor(ctx) { super(ctx); }
    push() {
        const l = this.input.input;
        while (l && !l.empty())
            this.drop(l.receive(), 3);
    }
}
registerApp('test-dropper', Dropper);
test('a user app registered by name runs in the graph; its drops are counted by reason', () => {
    const pool = newPool();
    const e = new Engine(pool);
    e.configure({ apps: { gen: { type: 'gen', args: { count: 500 } }, d: { type: 'test-dropper' } }, links: ['gen.output -> d.input'] });
    e.runUntil(() => e.apps.get('gen').done() && e.links.get('gen.output -> d.input').empty());
    assert.deepEqual(e.stats().apps.d.drops, { filtered: 500 });
    e.stop();
    assert.equal(pool.audit().inUse, 0);
});
test('reconfigure touches only what changed: unchanged apps keep state and links', () => {
    const pool = newPool();
    const log = [];
    const e = new Engine(pool, { log: (ev) => log.push(`${ev.event} ${ev.app ?? ev.link}`) });
    const base = { apps: { g1: { type: 'gen', args: { count: 100 } }, s1: { type: 'sink' } }, links: ['g1.output -> s1.input'] };
    e.configure(base);
    e.runUntil(() => e.apps.get('g1').done());
    const s1 = e.apps.get('s1');
    log.length = 0;
    e.configure({ apps: { ...base.apps, g2: { type: 'gen', args: { count: 5 } }, s2: { type: 'sink' } }, links: [...base.links, 'g2.output -> s2.input'] });
    assert.equal(e.apps.get('s1'), s1, 's1 is the same object');
    assert.deepEqual(log.sort(), ['app-start g2', 'app-start s2', 'link g2.output -> s2.input']);
    assert.equal(s1.counters[TX_PACKETS], 100);
    // changed args of an app without reconfig(): restarted, and its links re-made
    log.length = 0;
    e.configure({ apps: { ...base.apps, s1: { type: 'sink', args: { verify: false } } }, links: base.links });
    assert.ok(log.includes('app-stop s1') && log.includes('app-start s1') && log.includes('link g1.output -> s1.input'));
    assert.ok(log.includes('app-stop g2'));
});
test('configure rejects bad configs without changing the running graph', () => {
    const e = new Engine(newPool());
    e.configure({ apps: { g: { type: 'gen' } }, links: [] });
    const bad = [
        [{ apps: { g: { type: 'nope' } }, links: [] }, /unknown type "nope"/],
        [{ apps: { g: { type: 'gen', args: { size: 10 } } }, links: [] }, /args.size must be >= 60/],
        [{ apps: { g: { type: 'gen', args: { bogus: 1 } } }, links: [] }, /additional properties/],
        [{ apps: { g: { type: 'gen' } }, links: ['g.output -> x.input'] }, /unknown app "x"/],
        [{ apps: { g: { type: 'gen' } }, links: ['g.output => g.input'] }, /bad link/],
        [{ apps: { 'bad name': { type: 'gen' } }, links: [] }, /must match/],
        [{ apps: {}, links: 'x' }, /"links"/],
    ];
    for (const [cfg, re] of bad)
        assert.throws(() => e.configure(cfg), re);
    assert.deepEqual([...e.apps.keys()], ['g']);
});
test('push order follows the links topologically; pull order is by name', () => {
    const e = new Engine(newPool());
    e.configure({
        apps: { z: { type: 'gen' }, a: { type: 'sink' }, m: { type: 'test-dropper' } },
        links: ['z.output -> m.input'],
    });
    const o = e.order();
    assert.deepEqual(o.pull, ['z']);
    assert.ok(o.push.indexOf('z') < o.push.indexOf('m'));
});
test('diffConfig and parseLink', () => {
    assert.deepEqual(parseLink(' a.out->b.in '), { from: 'a', output: 'out', to: 'b', input: 'in' });
    const d = diffConfig({ apps: { a: { type: 'x' }, b: { type: 'y', args: { n: 1 } } }, links: ['a.o -> b.i'] }, { apps: { a: { type: 'x' }, b: { type: 'y', args: { n: 2 } }, c: { type: 'z' } }, links: ['a.o -> b.i', 'a.p -> c.i'] });
    assert.deepEqual(d, { stop: [], start: ['c'], reconfig: ['b'], unlink: [], link: ['a.p -> c.i'] });
});
test('link bursts: transmitBurst queues to max across the wrap, frees and counts the rest; receiveBurst keeps order and bytes', () => {
    const pool = newPool();
    const l = new Link('a.x -> b.y', pool);
    const hs = new Uint32Array(1100), out = new Uint32Array(1100);
    // Move the cursors near the end so bursts wrap around the ring.
    for (let i = 0; i < 1000; i++) {
        const p = pool.alloc();
        pool.len[p] = 10;
        l.transmit(p);
        pool.free(l.receive());
    }
    assert.equal(pool.allocBurst(hs, 1100), 1100);
    for (let i = 0; i < 1100; i++)
        pool.len[hs[i]] = i % 7 + 1;
    const before = pool.audit().inUse;
    assert.equal(l.transmitBurst(hs, 1100), LINK_MAX);
    assert.equal(l.txDrop, 1100 - LINK_MAX);
    assert.equal(pool.audit().inUse, before - (1100 - LINK_MAX), 'refused packets went back to the pool');
    let got = 0, bytes = 0;
    for (const max of [5, 32, 1000]) {
        const m = l.receiveBurst(out.subarray(got), max);
        let b = 0;
        for (let i = 0; i < m; i++) {
            assert.equal(out[got + i], hs[got + i], `packet ${got + i} in order`);
            b += pool.len[hs[got + i]];
        }
        assert.equal(l.burstBytes, b);
        got += m;
        bytes += b;
    }
    assert.equal(got, LINK_MAX);
    assert.ok(l.empty());
    assert.equal(l.receiveBurst(out, 10), 0);
    assert.equal(l.rxPackets, 1000 + LINK_MAX);
    assert.equal(l.rxBytes, 10000 + bytes);
    assert.equal(l.txBytes, l.rxBytes);
    pool.freeBurst(out, got);
    assert.equal(pool.audit().inUse, 0);
});
test('sink verifies stamps per burst: gaps count as lost, old sequence numbers as late, short or unmarked frames as unstamped', () => {
    const pool = newPool();
    const e = new Engine(pool);
    e.configure({ apps: { sink: { type: 'sink' } }, links: [] });
    const sink = e.apps.get('sink');
    const l = new Link('x.output -> sink.input', pool);
    sink.input.input = l;
    sink.linked();
    const send = (seq, len = 64, magic = true) => {
        const p = pool.alloc();
        const s = pool.start(p);
        pool.data.fill(0, s, s + len);
        if (magic)
            pool.data.set([0x53, 0x4c, 0x43, 0x31], s + 42);
        new DataView(pool.data.buffer).setUint32(pool.data.byteOffset + s + 46, seq);
        pool.len[p] = len;
        l.transmit(p);
    };
    for (const seq of [0, 1, 2, 5, 6, 3])
        send(seq);
    send(7, 48); // too short to hold a stamp
    send(7, 64, false); // no magic
    send(7);
    sink.push();
    assert.deepEqual(sink.report(), { inOrder: 6, lost: 1, late: 1, unstamped: 2, nextExpected: 8 });
    assert.equal(sink.counters[TX_PACKETS], 9);
    assert.equal(pool.audit().inUse, 0);
});
class Fragile extends App {
    constructor(ctx, args) {
        super(ctx);
        if (args.fail)
            throw new Error('fragile: told to fail');
    }
    push() {
        const l = this.input.input;
        while (l && !l.empty()) {
            this.pool.free(l.receive());
            this.counters[TX_PACKETS]++;
        }
    }
}
registerApp('test-fragile', Fragile);
test('configure is all-or-nothing when a constructor throws', () => {
    const e = new Engine(newPool());
    const base = { apps: { g: { type: 'gen', args: { rate: 1e5 } }, f: { type: 'test-fragile', args: {} } }, links: ['g.output -> f.input'] };
    e.configure(base);
    const g = e.apps.get('g'), f = e.apps.get('f');
    // A brand-new app fails: nothing running is touched.
    assert.throws(() => e.configure({ apps: { ...base.apps, x: { type: 'test-fragile', args: { fail: true } } }, links: base.links }), /told to fail/);
    assert.equal(e.apps.get('g'), g);
    assert.equal(e.apps.get('f'), f);
    assert.ok(!e.apps.has('x'));
    assert.deepEqual(e.currentConfig(), { apps: base.apps, links: base.links });
    // A restarted app fails after its old instance stopped: the previous config is rebuilt.
    assert.throws(() => e.configure({ apps: { ...base.apps, f: { type: 'test-fragile', args: { fail: true } } }, links: base.links }), /told to fail/);
    assert.deepEqual(e.currentConfig(), { apps: base.apps, links: base.links });
    assert.ok(e.apps.get('f') instanceof Fragile);
    e.runFor(50);
    assert.ok(e.apps.get('f').counters[TX_PACKETS] > 0, 'traffic flows again through the rebuilt app');
    e.stop();
});
//# sourceMappingURL=engine.test.js.map