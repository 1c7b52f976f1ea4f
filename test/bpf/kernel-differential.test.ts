/**
 * The kernel is the oracle: clang-built XDP programs are loaded into the kernel twice (by
 * Sluice's own loader and by bpftool) and into Sluice (compiled and interpreted); a few hundred
 * generated packets per program must give the same action, the same output bytes and, at the
 * end, the same map contents everywhere. (bench/bpf.bench.ts runs 10,000 per program.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadObject } from '../../src/lib/bpf/object.js';
import { XdpProgram } from '../../src/lib/bpf/program.js';
import { XdpBuff, XDP_PACKET_HEADROOM, XDP_FRAME_SIZE, XDP_TAILROOM } from '../../src/lib/bpf/xdp-buff.js';
import { defaultEnv } from '../../src/lib/bpf/helpers.js';
import { KernelProgram } from '../../src/lib/bpf/kernel.js';
import { bpfMapLookup } from '../../src/sys/bpf.js';
import { u32le } from '../../src/lib/bpf/maps.js';
import { Differential, PRESETS, CORPUS } from './differential.js';
import { Rng, packet } from './packets.js';
import { buildPrograms } from './build.js';
import { which } from '../interop/af-packet-netns.js';

const PACKETS = 300;


function skipUnlessKernelBpf(t: { skip(m: string): void }): boolean {
  let reason = '';
  if (process.getuid?.() !== 0) reason = 'needs root (bpf() PROG_LOAD, PROG_TEST_RUN)';
  else if (!which('clang')) reason = 'needs clang (apt install clang llvm)';
  else if (!which('bpftool')) reason = 'needs bpftool (apt install bpftool)';
  if (!reason) return false;
  if (process.env.CI === 'true') throw new Error(`kernel eBPF prerequisite missing under CI: ${reason}`);
  t.skip(reason);
  return true;
}

for (const name of CORPUS) {
  test(`kernel differential: ${name}.c, ${PACKETS} packets, Sluice and bpftool loaders vs compiled and interpreted`, (t) => {
    if (skipUnlessKernelBpf(t)) return;
    const obj = buildPrograms([name]).get(name)!;
    const spec = loadObject(readFileSync(obj)).programs[0]!;
    const d = new Differential(spec, obj, PRESETS[name]);
    try {
      const r = new Rng(0x5eed + name.length);
      for (let i = 0; i < PACKETS; i++) {
        const p = packet(r);
        const m = d.one(p);
        assert.equal(m, null, `packet ${i} (${p.length} bytes ${Buffer.from(p).toString('hex')}): ${m}`);
      }
      assert.equal(d.maps(), null);
      // The corpus exercises more than one outcome per program (else the comparison proves little).
      assert.ok(d.actions.size >= 2, `actions seen: ${[...d.actions.keys()]}`);
    } finally {
      d.close();
    }
  });
}

test('helpers checked on their own: ktime_get_ns, get_prandom_u32, fib_lookup, ctx fields', (t) => {
  if (skipUnlessKernelBpf(t)) return;
  const obj = buildPrograms(['helpers']).get('helpers')!;
  const spec = loadObject(readFileSync(obj)).programs[0]!;
  const pkt = new Uint8Array(60);
  pkt.set([0x08, 0x00], 12);
  pkt.set([0x45, 0, 0, 46, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2], 14);
  const k = new KernelProgram(spec);
  const kernelOut = (key: number) => new DataView(bpfMapLookup(k.mapFds[0]!, u32le(key), 8)!.buffer).getBigUint64(0, true);
  try {
    assert.equal(k.testRun(pkt).retval, 2);
  } finally { /* read below, closed after */ }
  let now = 1_000_000_000;
  const fibCalls: number[] = [];
  const env = { ...defaultEnv(), now: () => (now += 7), random: () => 0xdeadbeef, fib: { lookup: (p: Uint8Array, off: number) => { fibCalls.push(p[off]!); p.set([2, 0, 0, 0], off + 8); p.set([1, 2, 3, 4, 5, 6], off + 58); return 0; } } };
  const prog = new XdpProgram(spec, env);
  const x = new XdpBuff();
  const buf = new Uint8Array(4096);
  x.attach(buf);
  buf.set(pkt, XDP_PACKET_HEADROOM);
  x.frame(XDP_PACKET_HEADROOM, XDP_PACKET_HEADROOM + pkt.length, XDP_FRAME_SIZE, 4096 - XDP_TAILROOM);
  x.ingressIfindex = 7; x.rxQueue = 3;
  assert.equal(prog.run(x), 2);
  const ours = (key: number) => new DataView(prog.maps[0]!.get(u32le(key))!.buffer).getBigUint64(0, true);
  // ktime: from the clock, and monotonic (kernel: a real clock reading and a small non-negative delta).
  assert.equal(ours(0), 1_000_000_007n);
  assert.equal(ours(1), 7n);
  assert.ok(kernelOut(0) > 0n && kernelOut(1) < 1_000_000_000n);
  assert.equal(ours(2), 0xdeadbeefn);
  assert.ok(kernelOut(2) <= 0xffffffffn && kernelOut(3) <= 0xffffffffn);
  // fib_lookup: Sluice's answer (the router's) lands in the struct the program reads back.
  assert.deepEqual(fibCalls, [2]);
  assert.equal(ours(4), 0n);
  assert.equal(ours(5), 2n);
  assert.equal(ours(6), 0x060504030201n);
  // Without a FIB, Sluice says "not forwarded" (BPF_FIB_LKUP_RET_NOT_FWDED), as the kernel does for lo.
  const bare = new XdpProgram(spec, defaultEnv());
  buf.set(pkt, XDP_PACKET_HEADROOM);
  x.frame(XDP_PACKET_HEADROOM, XDP_PACKET_HEADROOM + pkt.length, XDP_FRAME_SIZE, 4096 - XDP_TAILROOM);
  bare.run(x);
  assert.equal(new DataView(bare.maps[0]!.get(u32le(4))!.buffer).getBigUint64(0, true), 4n);
  // ctx fields: ingress_ifindex 7, rx_queue_index 3; the kernel's test run uses lo (1), queue 0.
  assert.equal(ours(7), 7n | (3n << 32n));
  assert.equal(kernelOut(7), 1n);
  k.close();
});
