/**
 * A loaded XDP program: maps created, bytecode verified, compiled once. `run` is the data
 * path (compiled); `interpret` runs the reference interpreter on the same maps.
 */
import { type ProgramSpec, XDP_ACTION_NAMES } from './types.js';
import { verify, type Notes } from './verifier.js';
import { compile, type CompiledProgram } from './compiler.js';
import { Interpreter } from './interpreter.js';
import { createMap, type BpfMap } from './maps.js';
import type { XdpBuff } from './xdp-buff.js';
import { defaultEnv, type HelperEnv } from './helpers.js';
import { BpfError } from './errors.js';

export class XdpProgram {
  readonly maps: BpfMap[];
  readonly notes: Notes;
  readonly run: CompiledProgram;
  private interp: Interpreter | null = null;

  /**
   * `maps`: share the maps of another program of the same object (same order as spec.maps);
   * `shared`: copies of this program run on other engines at the same time (see compile).
   */
  constructor(readonly spec: ProgramSpec, readonly env: HelperEnv = defaultEnv(), maps?: BpfMap[], shared = false) {
    this.maps = maps ?? spec.maps.map((m) => createMap(m));
    if (this.maps.length !== spec.maps.length) throw new BpfError(`program ${spec.name}: ${spec.maps.length} maps declared, ${this.maps.length} given`);
    this.notes = verify(spec.insns, spec.maps);
    this.run = compile(spec.insns, this.notes, this.maps, env, shared);
  }

  get name(): string { return this.spec.name; }
  get insnCount(): number { return this.spec.insns.length; }

  interpret(x: XdpBuff): number {
    this.interp ??= new Interpreter(this.spec.insns, this.maps, this.env);
    return this.interp.run(x);
  }

  map(name: string): BpfMap {
    const m = this.maps.find((x) => x.name === name);
    if (!m) throw new BpfError(`program ${this.name} has no map "${name}" (maps: ${this.maps.map((x) => x.name).join(', ') || 'none'})`);
    return m;
  }

  static actionName(a: number): string { return XDP_ACTION_NAMES[a] ?? `unknown(${a})`; }
}
