import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sluice } from '../../../test/support/cli.js';
test('two ring ports with one name form a wire: gen -> p1 ~ p2 -> sink, counts add up', () => {
    const r = sluice(['switch', '--port', 'gen:size=64,count=5000', '--port', 'ring:w1', '--port', 'ring:w1', '--port', 'sink', '--duration', '1']);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    const [gen, a, b, sink] = s.ports;
    assert.equal(gen.rx.packets, 5000);
    assert.equal(a.tx.packets + (a.drops.link_full ?? 0), 5000, 'into the wire or counted');
    assert.equal(b.rx.packets, a.tx.packets, 'out of the other end');
    assert.equal(sink.tx.packets, b.rx.packets);
    const third = sluice(['switch', '--port', 'ring:w', '--port', 'ring:w', '--port', 'ring:w', '--duration', '0']);
    assert.notEqual(third.status, 0);
    assert.match(third.stderr, /already has two ends/);
});
//# sourceMappingURL=ring-port.test.js.map