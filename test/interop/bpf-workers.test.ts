/**
 * One XDP program on several worker engines, its maps shared as the kernel shares them between
 * CPUs: `sluice daemon --workers 2`, two 2-queue vhost-user ports in a patch bridge, spread.c
 * attached to port a; testpmd (2 queue pairs, txonly) sends into a, testpmd (rxonly) takes
 * from b. The program must run on both workers (a per-CPU array copy per worker, both
 * counting) and, through the API, the shared array and hash must hold exactly what port a
 * received (atomic adds from both workers lose nothing); a map update through the CLI
 * (cfg[0] = 1: drop) must change what the copies on the workers do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { runTestpmd, skipIfMissing, sleep, testpmdAccumulated, workDir } from '../support/vhost-interop.js';
import { SLUICE } from '../support/cli.js';
import { buildPrograms } from '../bpf/build.js';

interface Placement { engine: string; queuePairs: number[]; rx: number; tx: number }
interface PortStats { name: string; rx: { packets: number }; tx: { packets: number }; drops: Record<string, number>; info: { placement: Placement[] } }
interface Entry { key: string; value: string; keyInt?: number; valueInt?: number }

const testpmd = (name: string, sock: string, fwd: string, secs: number) => runTestpmd(
  ['-l', '0-1', '--no-pci', '--no-huge', '-m', '256', '--single-file-segments', `--file-prefix=sluice-bpfw-${name}-${process.pid}`,
    '--vdev', `net_virtio_user0,path=${sock},queues=2`],
  ['--total-num-mbufs=4096', '--txd=256', '--rxd=256', '--rxq=2', '--txq=2', '--nb-cores=1'],
  [`set fwd ${fwd}`, 'start', `sleep ${secs}`, 'stop', 'sleep 1', 'quit'], 60_000);

test('sluice daemon --workers 2: an XDP program runs on both workers, its maps shared with the API', { timeout: 150_000 }, async (t) => {
  if (skipIfMissing(t, { root: true, bins: ['dpdk-testpmd', 'clang'] })) return;
  const w = workDir('sluice-bpfw-');
  const obj = buildPrograms(['spread']).get('spread')!;
  const api = join(w.dir, 'api.sock'), a = join(w.dir, 'a.sock'), b = join(w.dir, 'b.sock'), cfg = join(w.dir, 'state.json');
  writeFileSync(cfg, JSON.stringify({
    version: 1,
    ports: { a: { spec: `vhost-user:${a},queues=2` }, b: { spec: `vhost-user:${b},queues=2` } },
    bridges: { x: { type: 'patch', ports: { a: {}, b: {} } } },
    bpf: [{ port: 'a', file: obj }],
  }));
  const d = spawn(process.execPath, [SLUICE, 'daemon', '--state-dir', join(w.dir, 'state'), '--config', cfg, '--socket', api, '--metrics', 'off', '--workers', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  d.stderr!.on('data', (c) => { log += c; });
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [SLUICE, ...args, '--socket', api], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, `sluice ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const json = (...args: string[]) => JSON.parse(cli(...args, '-j'));
  const entries = (map: string) => (json('bpf', 'map', 'dump', 'a', map) as { entries: Entry[] }).entries;
  const stats = () => json('stats') as { ports: PortStats[] };
  try {
    for (let i = 0; i < 300 && !(existsSync(api) && existsSync(a) && existsSync(b)); i++) await sleep(20);
    assert.ok(existsSync(a) && existsSync(b), `daemon did not start: ${log}`);

    // Phase 1: everything passes.
    let rxSide = testpmd('rx', b, 'rxonly', 7);
    await sleep(2500);
    const sent = testpmdAccumulated(await testpmd('tx', a, 'txonly', 2)).tx;
    const got = testpmdAccumulated(await rxSide).rx;
    let s = stats();
    let pa = s.ports.find((p) => p.name === 'a')!, pb = s.ports.find((p) => p.name === 'b')!;
    const total = entries('total'), percpu = entries('percpu'), byport = entries('byport');
    let show = json('bpf', 'show') as { runs: number; engines?: number; actions: { pass: number; drop: number } }[];
    const perEngine = Buffer.from(percpu[0]!.value, 'hex');
    const copies = Array.from({ length: perEngine.length / 8 }, (_, i) => Number(perEngine.readBigUInt64LE(8 * i)));
    console.log(`# testpmd TX=${sent} RX=${got}; a.rx=${pa.rx.packets} b.tx=${pb.tx.packets}; placement a: ${JSON.stringify(pa.info.placement)}; total=${total[0]!.valueInt} bytes=${total[1]!.valueInt} per-engine=${copies} byport=${JSON.stringify(byport)} show=${JSON.stringify(show)}`);
    assert.ok(sent > 1000, 'testpmd sent');
    assert.equal(pa.rx.packets, sent);
    assert.deepEqual(pa.info.placement.map((p) => [p.engine, p.queuePairs]), [['worker0', [0]], ['worker1', [1]]]);
    assert.equal(copies.length, 2, 'one per-CPU copy per worker engine');
    for (const [k, n] of copies.entries()) assert.ok(n > 0, `the program ran on worker${k}: ${copies}`);
    assert.equal(total[0]!.valueInt, pa.rx.packets, 'the shared array counted every packet, from both workers');
    assert.equal(copies[0]! + copies[1]!, pa.rx.packets, 'the per-CPU copies add up to it');
    assert.deepEqual(byport.map((e) => [e.keyInt, e.valueInt]), [[1, pa.rx.packets]], 'the shared hash: one entry made once, counted by both workers');
    assert.equal(show.length, 1);
    assert.equal(show[0]!.engines, 3);
    assert.equal(show[0]!.runs, pa.rx.packets, 'bpf show sums the workers\' runs');
    assert.equal(show[0]!.actions.pass, pa.rx.packets);
    assert.equal(pb.tx.packets + (pb.drops.peer_no_buffer ?? 0), pa.rx.packets);

    // Phase 2: the API sets cfg[0]; the copies on the workers drop from then on.
    cli('bpf', 'map', 'update', 'a', 'cfg', '0', '1');
    rxSide = testpmd('rx2', b, 'rxonly', 7);
    await sleep(2500);
    const sent2 = testpmdAccumulated(await testpmd('tx2', a, 'txonly', 2)).tx;
    await rxSide;
    s = stats();
    pa = s.ports.find((p) => p.name === 'a')!;
    const pb2 = s.ports.find((p) => p.name === 'b')!;
    show = json('bpf', 'show');
    console.log(`# phase 2: testpmd TX=${sent2}; a.rx=${pa.rx.packets} b.tx=${pb2.tx.packets}; show=${JSON.stringify(show)}`);
    assert.ok(sent2 > 1000);
    assert.equal(pb2.tx.packets, pb.tx.packets, 'nothing more reached b');
    assert.equal(show[0]!.actions.drop, sent2, 'the workers dropped what the API told them to');
    assert.equal(entries('total')[0]!.valueInt, pa.rx.packets);
  } finally {
    d.kill('SIGTERM');
    await Promise.race([new Promise((r) => d.once('exit', r)), sleep(5000)]);
    if (d.exitCode === null) d.kill('SIGKILL');
    w.cleanup();
  }
});
