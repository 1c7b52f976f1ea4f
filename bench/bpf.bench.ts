/**
 * eBPF figures (needs root and clang; bpftool for the second loader):
 *
 *   1. The kernel differential at full size: every corpus program (test/bpf/progs) on
 *      --packets generated packets (default 10,000, odd sizes included) plus every packet of
 *      the pcap files given with --pcap FILE (and, by default, a capture of real ping + TCP
 *      traffic between two namespaces taken with dumpcap in this run); return code, output
 *      bytes and, at the end, map contents must match between the kernel (loaded by Sluice
 *      and by bpftool), Sluice's compiled code and its interpreter.
 *   2. ns per 64-byte packet: compiled vs interpreter (ratio, goal >= 5x) with the kernel's
 *      own BPF_PROG_TEST_RUN time per run beside them (ratio ours/kernel, goal <= 2x).
 *
 * Run: npx tsc -p . && node dist/bench/bpf.bench.js [--packets 10000] [--pcap FILE]... [--seconds 2]
 */
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadObject } from '../src/lib/bpf/object.js';
import { XdpProgram } from '../src/lib/bpf/program.js';
import { XdpBuff, XDP_PACKET_HEADROOM, XDP_FRAME_SIZE, XDP_TAILROOM } from '../src/lib/bpf/xdp-buff.js';
import { KernelProgram } from '../src/lib/bpf/kernel.js';
import { PcapReader } from '../src/lib/pcap/index.js';
import { buildUdpPacket } from '../src/lib/proto/index.js';
import { setIfOffload } from '../src/sys/index.js';
import { Differential, CORPUS, PRESETS } from '../test/bpf/differential.js';
import { Rng, packet, MAX_TEST_RUN_LEN } from '../test/bpf/packets.js';
import { buildPrograms } from '../test/bpf/build.js';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt; };
const PACKETS = Number(arg('packets', '10000'));
const SECONDS = Number(arg('seconds', '2'));
const ROUNDS = Number(arg('rounds', '7'));
const pcaps = process.argv.flatMap((a, i) => (a === '--pcap' ? [process.argv[i + 1]!] : []));
const which = (b: string) => (process.env.PATH ?? '').split(':').some((d) => existsSync(`${d}/${b}`));

/** Real traffic: ping and a TCP transfer between two namespaces over a veth, captured by dumpcap. */
async function captureRealTraffic(dir: string): Promise<string | undefined> {
  if (!which('dumpcap') || !which('nc')) return undefined;
  const t = `bb${(process.pid % 1000).toString(36)}`;
  const sh = (...a: string[]) => execFileSync(a[0]!, a.slice(1), { stdio: 'pipe' });
  const file = join(dir, 'real.pcap');
  try {
    for (const n of ['a', 'b']) sh('ip', 'netns', 'add', `${t}${n}`);
    sh('ip', 'link', 'add', `${t}x`, 'type', 'veth', 'peer', 'name', `${t}y`);
    // Offloads off (SIOCETHTOOL, here before the move: features go with the device) so the
    // capture holds wire-sized frames, as a NIC would deliver them.
    setIfOffload(`${t}x`, 'tso', false);
    setIfOffload(`${t}x`, 'gso', false);
    sh('ip', 'link', 'set', `${t}x`, 'netns', `${t}a`); sh('ip', 'link', 'set', `${t}y`, 'netns', `${t}b`);
    sh('ip', '-n', `${t}a`, 'addr', 'add', '10.252.0.1/24', 'dev', `${t}x`); sh('ip', '-n', `${t}b`, 'addr', 'add', '10.252.0.2/24', 'dev', `${t}y`);
    sh('ip', '-n', `${t}b`, 'addr', 'add', 'fd00:252::2/64', 'dev', `${t}y`, 'nodad'); sh('ip', '-n', `${t}a`, 'addr', 'add', 'fd00:252::1/64', 'dev', `${t}x`, 'nodad');
    sh('ip', '-n', `${t}a`, 'link', 'set', `${t}x`, 'up'); sh('ip', '-n', `${t}b`, 'link', 'set', `${t}y`, 'up');
    const cap = spawn('ip', ['netns', 'exec', `${t}b`, 'dumpcap', '-q', '-P', '-i', `${t}y`, '-s', String(MAX_TEST_RUN_LEN), '-a', 'duration:6', '-w', file], { stdio: 'ignore' });
    const capDone = new Promise((r) => cap.on('exit', r));
    await new Promise((r) => setTimeout(r, 1500));
    sh('ip', 'netns', 'exec', `${t}a`, 'ping', '-c', '5', '-i', '0.2', '-s', '1200', '10.252.0.2');
    sh('ip', 'netns', 'exec', `${t}a`, 'ping', '-6', '-c', '5', '-i', '0.2', 'fd00:252::2');
    const l = spawn('ip', ['netns', 'exec', `${t}b`, 'nc', '-l', '-d', '-p', '5001'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    execFileSync('ip', ['netns', 'exec', `${t}a`, 'nc', '-N', '-w', '3', '10.252.0.2', '5001'], { input: Buffer.alloc(300_000, 7), stdio: ['pipe', 'ignore', 'ignore'] });
    l.kill('SIGKILL');
    await capDone;
    return existsSync(file) ? file : undefined;
  } catch (e) {
    console.log(`# real-traffic capture skipped: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  } finally {
    for (const n of ['a', 'b']) { try { sh('ip', 'netns', 'del', `${t}${n}`); } catch { /* gone */ } }
  }
}

function pcapPackets(file: string): Uint8Array[] {
  const r = PcapReader.open(file);
  const out: Uint8Array[] = [];
  const buf = new Uint8Array(262144);
  for (let n = r.next(buf, 0, buf.length); n >= 0; n = r.next(buf, 0, buf.length)) {
    if (n >= 14) out.push(buf.slice(0, Math.min(n, MAX_TEST_RUN_LEN)));
  }
  return out;
}

async function differential(objs: Map<string, string>, extra: Uint8Array[]): Promise<boolean> {
  let okAll = true;
  for (const name of CORPUS) {
    const obj = objs.get(name)!;
    const d = new Differential(loadObject(readFileSync(obj)).programs[0]!, obj, PRESETS[name]);
    const r = new Rng(0xb0b + name.length * 7);
    let bad = '';
    const t0 = performance.now();
    const all = PACKETS + extra.length;
    for (let i = 0; i < all && !bad; i++) {
      const p = i < PACKETS ? packet(r) : extra[i - PACKETS]!;
      const m = d.one(p);
      if (m) bad = `packet ${i} (${p.length} bytes ${Buffer.from(p).toString('hex')}): ${m}`;
    }
    bad ||= d.maps() ?? '';
    const acts = [...d.actions].sort((a, b) => a[0] - b[0]).map(([a, n]) => `${a}:${n}`).join(',');
    console.log(`differential ${name} packets=${d.packets} (generated ${PACKETS}, pcap ${extra.length}) actions=${acts} maps=${bad ? 'DIFFER' : 'same'} ${bad ? `FAIL ${bad}` : 'ok'} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    okAll &&= !bad;
    d.close();
  }
  return okAll;
}

function speed(objs: Map<string, string>): void {
  const pkt = buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1234, dstPort: 80, size: 64 } as never);
  for (const name of ['count', 'rewrite', 'filter']) {
    const spec = loadObject(readFileSync(objs.get(name)!)).programs[0]!;
    const prog = new XdpProgram(spec);
    const buf = new Uint8Array(4096);
    const x = new XdpBuff();
    x.attach(buf);
    const reset = () => { buf.set(pkt, XDP_PACKET_HEADROOM); x.frame(XDP_PACKET_HEADROOM, XDP_PACKET_HEADROOM + pkt.length, XDP_FRAME_SIZE, 4096 - XDP_TAILROOM); };
    // Rounds of fixed batches, each variant's least disturbed round kept (the machine is
    // shared: the minimum is the figure a quiet machine gives); the kernel's likewise.
    const batch = (f: () => number, n: number): number => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) { reset(); f(); }
      return Number(process.hrtime.bigint() - t0) / n;
    };
    const n = Math.max(10_000, Math.round(SECONDS * 50_000));
    const k = new KernelProgram(spec);
    let base = Infinity, compiledRaw = Infinity, interpRaw = Infinity, kernel = Infinity;
    batch(() => prog.run(x), n); // warm up
    for (let r = 0; r < ROUNDS; r++) {
      base = Math.min(base, batch(() => 0, n)); // the reset and loop alone
      compiledRaw = Math.min(compiledRaw, batch(() => prog.run(x), n));
      interpRaw = Math.min(interpRaw, batch(() => prog.interpret(x), Math.ceil(n / 200)));
      kernel = Math.min(kernel, k.testRun(pkt, n).duration);
    }
    k.close();
    const compiled = compiledRaw - base, interp = interpRaw - base, kr = { duration: kernel };
    console.log(`speed ${name} 64B: compiled_ns=${compiled.toFixed(1)} interpreter_ns=${interp.toFixed(1)} ratio_compiled_vs_interpreter=${(interp / compiled).toFixed(1)}x kernel_test_run_ns=${kr.duration} ratio_ours_vs_kernel=${(compiled / Math.max(kr.duration, 1)).toFixed(2)} (insns ${spec.insns.length}; min of ${ROUNDS} rounds, load average ${loadavg()[0]!.toFixed(1)})`);
  }
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0 || !which('clang')) { console.log('bpf bench: skipped (needs root and clang)'); return; }
  const objs = buildPrograms();
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bpf-bench-'));
  try {
    const files = [...pcaps];
    if (pcaps.length === 0) { const f = await captureRealTraffic(dir); if (f) files.push(f); }
    const extra = files.flatMap(pcapPackets);
    console.log(`# pcap packets: ${extra.length} from ${files.join(', ') || 'none'}`);
    const ok = await differential(objs, extra);
    speed(objs);
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
