/**
 * Verifier: a corpus of bad programs, each refused at the expected instruction with the
 * expected reason; good hand-written programs accepted; and a fast-check property: random
 * instruction sequences never crash the verifier (only VerifierError), and whatever it accepts
 * runs in compiled code and the interpreter with the same result, no packet access outside
 * [data, data_end), and no dependence on the bytes around the packet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { verify } from '../../src/lib/bpf/verifier.js';
import { VerifierError } from '../../src/lib/bpf/errors.js';
import { XdpProgram } from '../../src/lib/bpf/program.js';
import { XdpBuff } from '../../src/lib/bpf/xdp-buff.js';
import { defaultEnv } from '../../src/lib/bpf/helpers.js';
import { type Insn, ADD, JGT, JEQ, JNE, DIV, LSH } from '../../src/lib/bpf/insn.js';
import { type MapSpec, MapType, F_RDONLY_PROG } from '../../src/lib/bpf/types.js';
import { a, withPacket } from './asm.js';

const hashMap: MapSpec = { name: 'h', type: MapType.HASH, keySize: 4, valueSize: 8, maxEntries: 16, flags: 0 };
const rodata: MapSpec = { name: '.rodata', type: MapType.ARRAY, keySize: 4, valueSize: 8, maxEntries: 1, flags: F_RDONLY_PROG, readonly: true, initial: new Uint8Array(8) };
const maps = [hashMap, rodata];

const bad: [string, Insn[], number, RegExp][] = [
  ['unknown opcode', [a.raw(0xff), a.exit()], 0, /unknown opcode 0xff/],
  ['unknown ALU op', [a.raw(0xe7, 0), a.mov(0, 0), a.exit()], 0, /unknown opcode/],
  ['jump past the end', [a.mov(0, 0), a.ja(5), a.exit()], 1, /outside the program/],
  ['jump before the start', [a.mov(0, 0), a.ja(-3), a.exit()], 1, /outside the program/],
  ['jump into LD_IMM64', [a.mov(0, 0), a.jmp(JEQ, 0, 0, 1), ...a.ld64(1, 1, 2), a.exit()], 1, /middle of an LD_IMM64/],
  ['LD_IMM64 without second half', [a.mov(0, 0), a.ld64(1, 1, 2)[0]!], 1, /missing its second half/],
  ['write to r10', [a.mov(10, 0), a.mov(0, 0), a.exit()], 0, /r10/],
  ['r10 as ALU destination', [a.mov(0, 0), a.alu(ADD, 10, 8), a.exit()], 1, /r10/],
  ['uninitialised register', [a.movr(0, 2), a.exit()], 0, /r2 is read before it is written/],
  ['uninitialised r0 at exit', [a.exit()], 0, /r0 is read before/],
  ['invalid register', [a.raw(0xb7, 11, 0, 0, 0), a.exit()], 0, /invalid register r11/],
  ['infinite loop', [a.mov(0, 0), a.ja(-1)], 1, /back-edge to 1 closes a loop/],
  ['loop through a condition', [a.mov(0, 0), a.alu(ADD, 0, 1), a.jmp(JNE, 0, 10, -2), a.exit()], 2, /closes a loop/],
  ['falls off the end', [a.mov(0, 0)], 0, /runs off the end/],
  ['packet read without a data_end check', [a.ldx('w', 2, 1, 0), a.ldx('b', 0, 2, 0), a.exit()], 1, /proven range is 0/],
  ['packet read past the checked range', withPacket(14, [a.ldx('h', 0, 2, 13), a.exit()]), 5, /off=13 size=2.*range is 14/],
  ['packet write past the checked range', withPacket(14, [a.st('w', 2, 12, 0), a.mov(0, 2), a.exit()]), 5, /off=12 size=4/],
  ['packet read before data', withPacket(14, [a.ldx('b', 0, 2, -1), a.exit()]), 5, /before the start of the packet/],
  ['check on the wrong branch', [a.ldx('w', 2, 1, 0), a.ldx('w', 3, 1, 4), a.movr(4, 2), a.alu(ADD, 4, 14), a.jmpr(JGT, 4, 3, 2), a.mov(0, 1), a.exit(), a.ldx('b', 0, 2, 0), a.exit()], 7, /proven range is 0/],
  ['unknown helper', [a.call(9999), a.mov(0, 0), a.exit()], 0, /unknown helper 9999/],
  ['helper not for XDP', [a.call(6), a.mov(0, 0), a.exit()], 0, /unknown helper 6/],
  ['map value without NULL check', [a.st('w', 10, -4, 0), a.movr(2, 10), a.alu(ADD, 2, -4), ...a.ldMap(1, 0), a.call(1), a.ldx('dw', 0, 0, 0), a.exit()], 6, /map value or NULL/],
  ['map value read past the value', [a.st('w', 10, -4, 0), a.movr(2, 10), a.alu(ADD, 2, -4), ...a.ldMap(1, 0), a.call(1), a.jmp(JEQ, 0, 0, 1), a.ldx('dw', 0, 0, 4), a.mov(0, 0), a.exit()], 7, /invalid access to map value/],
  ['uninitialised map key', [a.movr(2, 10), a.alu(ADD, 2, -4), ...a.ldMap(1, 0), a.call(1), a.mov(0, 0), a.exit()], 4, /argument 2 .* read before it is written/],
  ['write into .rodata', [...a.ld64(1, 0, 0).map((i, k) => (k === 0 ? { ...i, src: 2, imm: 1 } : i)), a.st('w', 1, 0, 1), a.mov(0, 0), a.exit()], 2, /read-only map .rodata/],
  ['uninitialised stack read', [a.ldx('dw', 0, 10, -8), a.exit()], 0, /invalid read from stack/],
  ['stack out of bounds', [a.st('dw', 10, -520, 0), a.mov(0, 0), a.exit()], 0, /invalid stack access off=-520/],
  ['stack above the frame', [a.st('w', 10, 0, 0), a.mov(0, 0), a.exit()], 0, /invalid stack access off=0/],
  ['write into the context', [a.st('w', 1, 0, 0), a.mov(0, 0), a.exit()], 0, /write into the context/],
  ['bad context field', [a.ldx('w', 0, 1, 2), a.exit()], 0, /invalid xdp_md access off=2/],
  ['pointer returned', [a.movr(0, 10), a.exit()], 1, /r0 at exit is a pointer/],
  ['division by zero constant', [a.mov(0, 1), a.alu(DIV, 0, 0), a.exit()], 1, /division by zero/],
  ['shift out of range', [a.mov(0, 1), a.alu(LSH, 0, 64), a.exit()], 1, /shift by 64/],
  ['pointer multiplication', [a.movr(0, 10), a.alu(0x20 /* MUL */, 0, 2), a.mov(0, 0), a.exit()], 1, /multiplication on pointer/],
  ['32-bit pointer arithmetic', [a.movr(2, 10), a.alu32(ADD, 2, 8), a.mov(0, 0), a.exit()], 1, /32-bit arithmetic on pointer/],
  ['atomic on the packet', withPacket(8, [a.mov(5, 1), a.atomic('w', 2, 0, 5, ADD), a.mov(0, 2), a.exit()]), 6, /atomic operation into r2 \(pkt\)/],
  ['unbounded variable packet offset', withPacket(14, [a.ldx('w', 5, 2, 0), a.alur(ADD, 2, 5), a.mov(0, 2), a.exit()]), 6, /unbounded/],
  ['call outside the program', [a.callLocal(10), a.mov(0, 0), a.exit()], 0, /call target 11 is outside/],
  ['recursion', [a.callLocal(1), a.exit(), a.callLocal(-1), a.exit()], 2, /call depth over 8/],
];

for (const [name, prog, pc, reason] of bad) {
  test(`verifier refuses: ${name}`, () => {
    try {
      verify(prog, maps);
    } catch (e) {
      assert.ok(e instanceof VerifierError, String(e));
      assert.equal(e.pc, pc, e.message);
      assert.match(e.reason, reason);
      assert.match(e.message, new RegExp(`^insn ${pc}`));
      return;
    }
    assert.fail('accepted');
  });
}

test('verifier accepts: bounds-checked packet access, map lookup with NULL check, bpf-to-bpf call, backward jump without a loop', () => {
  verify(withPacket(14, [a.ldx('h', 0, 2, 12), a.exit()]), maps);
  verify([a.st('w', 10, -4, 7), a.movr(2, 10), a.alu(ADD, 2, -4), ...a.ldMap(1, 0), a.call(1), a.jmp(JEQ, 0, 0, 2), a.ldx('dw', 0, 0, 0), a.exit(), a.mov(0, 2), a.exit()], maps);
  verify([a.mov(1, 5), a.callLocal(1), a.exit(), a.movr(0, 1), a.alu(ADD, 0, 1), a.exit()], maps);
  verify([a.mov(0, 1), a.ja(1), a.exit(), a.jmp(JEQ, 0, 1, -2), a.mov(0, 2), a.exit()], maps);
});

// Random programs: half built from a valid skeleton (so some pass), half arbitrary slots.
const OPS = [0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x4f, 0x57, 0x5f, 0x67, 0x6f, 0x77, 0x7f, 0x87, 0x97, 0x9f, 0xa7, 0xaf, 0xb7, 0xbf, 0xc7, 0xcf,
  0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c, 0x64, 0x6c, 0x74, 0x7c, 0x84, 0x94, 0x9c, 0xa4, 0xac, 0xb4, 0xbc, 0xc4, 0xcc, 0xd4, 0xdc,
  0x61, 0x69, 0x71, 0x79, 0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0xc3, 0xdb,
  0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d, 0x55, 0x5d, 0x65, 0x6d, 0x75, 0x7d, 0xa5, 0xad, 0xb5, 0xbd, 0xc5, 0xcd, 0xd5, 0xdd,
  0x16, 0x1e, 0x26, 0x56, 0xa6, 0x85, 0x95, 0x18];
const insnArb = fc.record({
  op: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...OPS) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }),
  dst: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 15 }) }),
  src: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 15 }) }),
  off: fc.oneof(fc.integer({ min: -4, max: 16 }), fc.integer({ min: -32768, max: 32767 })),
  imm: fc.oneof(fc.integer({ min: -2, max: 64 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(1, 5, 7, 28, 44, 65, 189, 190)),
});
const progArb = fc.oneof(
  fc.array(insnArb, { minLength: 1, maxLength: 40 }),
  fc.tuple(fc.integer({ min: 14, max: 64 }), fc.array(insnArb, { maxLength: 30 })).map(([n, body]) =>
    withPacket(n, [a.mov(0, 0), a.mov(1, 3), a.mov(5, 0), ...body.map((i) => ({ ...i, off: i.op >= 0x05 && (i.op & 7) >= 5 ? Math.abs(i.off) % 4 : i.off })), a.mov(0, 2), a.exit()])),
);

test('property: random instruction sequences never crash the verifier; accepted ones agree in both executors and stay inside the packet', () => {
  let accepted = 0;
  fc.assert(fc.property(progArb, fc.uint8Array({ minLength: 14, maxLength: 128 }), fc.integer({ min: 0, max: 255 }), (prog, pkt, fill) => {
    let p: XdpProgram;
    try {
      p = new XdpProgram({ name: 'fuzz', section: 'xdp', insns: prog, maps: [], license: 'GPL' }, { ...defaultEnv(), now: () => 42, random: () => 7 });
    } catch (e) {
      if (e instanceof VerifierError) return;
      throw e;
    }
    accepted++;
    const outs: string[] = [];
    for (const [interp, around] of [[false, fill], [true, fill], [false, fill ^ 0xff]] as const) {
      const buf = new Uint8Array(512).fill(around);
      buf.set(pkt, 200);
      const x = new XdpBuff();
      x.attach(buf);
      x.frame(200, 200 + pkt.length, 100, 400);
      const r = interp ? p.interpret(x) : p.run(x);
      assert.equal(x.faults, 0, 'compiled code tried to access memory outside the packet');
      outs.push(`${r}:${Buffer.from(buf.subarray(x.start, x.end)).toString('hex')}`);
    }
    assert.equal(outs[1], outs[0], 'interpreter and compiled code differ');
    assert.equal(outs[2], outs[0], 'result depends on bytes outside the packet');
  }), { numRuns: 3000, seed: 0x15 });
  assert.ok(accepted > 100, `only ${accepted} random programs were accepted`);
});
