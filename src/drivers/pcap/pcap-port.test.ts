import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PacketPool } from '../../core/packet.js';
import { Engine } from '../../core/engine.js';
import { App, type AppContext } from '../../core/app.js';
import { registerApp } from '../../core/registry.js';
import { TX_PACKETS } from '../../core/counters.js';
import { buildPcap } from '../../lib/pcap/testkit.js';
import type { PcapPort } from './pcap-port.js';
import './index.js';

/** Keeps a copy of every frame it receives. */
class Collect extends App {
  static frames: number[][] = [];
  constructor(ctx: AppContext) { super(ctx); }
  override push(): void {
    const l = this.input.input;
    while (l && !l.empty()) {
      const p = l.receive();
      const s = this.pool.start(p);
      Collect.frames.push([...this.pool.data.subarray(s, s + this.pool.len[p]!)]);
      this.counters[TX_PACKETS]++;
      this.pool.free(p);
    }
  }
}
registerApp('test-pcap-collect', Collect);

test('preloaded replay: loops, byte-exact frames, too-big records dropped and counted, counts as when streaming', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-pcap-port-'));
  try {
    const frame = (n: number, b: number) => Array.from({ length: n }, (_, i) => (i * 7 + b) & 0xff);
    const recs = [frame(60, 1), frame(1514, 2), frame(2000, 3), frame(64, 4), frame(99, 5)];
    const file = join(dir, 'in.pcap');
    writeFileSync(file, buildPcap({ records: recs.map((r) => ({ data: Uint8Array.from(r) })) }));
    const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(1024, 2048)), 1024, 2048); // maxLen 1920: record 3 is too big
    const e = new Engine(pool);
    Collect.frames = [];
    e.configure({ apps: { pcap: { type: 'pcap', args: { in: file, loop: 3 } }, sink: { type: 'test-pcap-collect' } }, links: ['pcap.output -> sink.input'] });
    const port = e.apps.get('pcap') as PcapPort;
    assert.ok(e.runUntil(() => port.finished && e.links.get('pcap.output -> sink.input')!.empty(), 5000));
    for (let i = 0; i < 3; i++) e.breathe(0); // nothing more after the last play
    const s = e.stats();
    assert.equal(s.apps.pcap!.rx.packets, 15);
    assert.equal(s.apps.pcap!.rx.bytes, 3 * recs.reduce((a, r) => a + r.length, 0));
    assert.equal(s.apps.pcap!.drops.too_big, 3);
    const expected = [0, 1, 3, 4, 0, 1, 3, 4, 0, 1, 3, 4].map((i) => recs[i]!);
    assert.deepEqual(Collect.frames, expected);
    assert.deepEqual(port.report(), { played: 3, finished: true, written: 0, offloads: { superFramesOut: 0, segmentedOut: 0, refusedOut: 0 } });
    e.stop();
    assert.equal(pool.audit().inUse, 0);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
