/**
 * The kernel's side of the fib_lookup test, run inside the test's network namespace
 * (`ip netns exec NS node fib-kernel-child.js OBJ.o`): BPF_PROG_TEST_RUN looks the ingress
 * device up in the calling thread's namespace, and bpf_fib_lookup asks that namespace's FIB.
 * stdin: {ifindex, cases: [{flags, pkt (hex)}]}; stdout: [{retval, data, res}] (hex).
 */
import { readFileSync } from 'node:fs';
import { loadObject } from '../../src/lib/bpf/object.js';
import { KernelProgram } from '../../src/lib/bpf/kernel.js';
import { bpfMapLookup, bpfMapUpdate } from '../../src/sys/bpf.js';
import { u32le } from '../../src/lib/bpf/maps.js';

const spec = loadObject(readFileSync(process.argv[2]!)).programs[0]!;
const input = JSON.parse(readFileSync(0, 'utf8')) as { ifindex: number; cases: { flags: number; pkt: string }[] };
const k = new KernelProgram(spec);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
try {
  const out = input.cases.map((c) => {
    bpfMapUpdate(k.mapFd('cfg'), u32le(0), u32le(c.flags));
    bpfMapUpdate(k.mapFd('res'), u32le(0), new Uint8Array(72));
    const r = k.testRunOn(Uint8Array.from(Buffer.from(c.pkt, 'hex')), input.ifindex);
    return { retval: r.retval, data: hex(r.data), res: hex(bpfMapLookup(k.mapFd('res'), u32le(0), 72)!) };
  });
  process.stdout.write(JSON.stringify(out));
} finally {
  k.close();
}
