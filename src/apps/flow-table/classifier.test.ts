import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Classifier } from './classifier.js';
import { parseFlow } from './flow-parser.js';
import { KEY_WORDS, W_IN_PORT, W_NW_SRC, W_VLAN_TYPE, W_PROTO } from './flow-key.js';

const PORTS = ['a', 'b'];

/** The flow of `line` with its nw_src value replaced (one parse, many rules). */
function withSrc(line: string, src: number) {
  const f = parseFlow(line, PORTS);
  return { ...f, match: { ...f.match, value: Uint32Array.from(f.match.value, (v, w) => (w === W_NW_SRC ? src : v)) } };
}

function key(src: number): Uint32Array {
  const k = new Uint32Array(KEY_WORDS);
  k[W_IN_PORT] = 1;
  k[W_VLAN_TYPE] = 0x0800;
  k[W_PROTO] = 17;
  k[W_NW_SRC] = src;
  return k;
}

test('a big table loads in linear time, lists without overflowing the stack, and keeps priorities right across removes', () => {
  const n = 150_000;
  const cls = new Classifier(n + 2);
  const line = 'priority=100,in_port=a,udp,nw_src=10.0.0.0,actions=output:b';
  const t0 = performance.now();
  for (let i = 0; i < n; i++) cls.add(withSrc(line, 0x0a000000 + i));
  console.log(`# ${n} rules added in ${(performance.now() - t0).toFixed(0)} ms`);
  assert.equal(cls.list().length, n);
  // A lower-priority catch-all in another subtable, then the /32 subtable's rules go away one by one.
  const low = cls.add(parseFlow('priority=5,udp,actions=drop', PORTS));
  const r7 = cls.lookup(0, key(0x0a000007), 0);
  assert.equal(cls.rules[r7]!.priority, 100);
  const hi = cls.add(withSrc('priority=200,in_port=a,udp,nw_src=10.0.0.0,actions=drop', 0x0a000007));
  assert.equal(cls.lookup(0, key(0x0a000007), 0), hi.id, 'the higher priority rule of the same match wins');
  cls.remove(hi);
  assert.equal(cls.lookup(0, key(0x0a000007), 0), r7, 'back to the priority-100 rule');
  for (const r of cls.list()) if (r.priority === 100) cls.remove(r);
  assert.equal(cls.lookup(0, key(0x0a000007), 0), low.id, 'only the catch-all is left');
  assert.equal(cls.size, 1);
});
