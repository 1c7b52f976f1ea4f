/**
 * Test support for the bond's tests (not used by the bond): member ports joined by a wire in
 * one engine, whose carrier can be cut, and two bonds back to back over them.
 */
import { PacketPool } from '../../core/packet.js';
import { Engine } from '../../core/engine.js';
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { registerApp } from '../../core/registry.js';
import { TX_PACKETS, RX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { parsePortSpec } from '../../core/port-spec.js';
import { portApp } from '../../core/port-kinds.js';
import { MARKER_SUBTYPE } from '../../lib/proto/lacp.js';
import '../basic/index.js';
import './index.js';
import type { Bond } from './bond.js';

export const newPool = (n = 8192) => new PacketPool(new ArrayBuffer(PacketPool.bytesFor(n, 2048)), n, 2048);

/** A member port joined to its peer by a wire in this engine; its carrier can be cut. */
export const nics = new Map<string, TestNic>();
export class TestNic extends App {
  down = false;
  /** Drop Slow Protocols frames on this wire (a partner that does not speak LACP). */
  blockSlow = false;
  /** The last Marker PDU sent over this wire (a copy). */
  lastMarker: Uint8Array | undefined;
  private peer: string;
  constructor(ctx: AppContext, args: { peer: string }) { super(ctx); this.peer = args.peer; nics.set(ctx.name, this); }
  override push(): void {
    const l: Link | undefined = this.input.input;
    const peer = nics.get(this.peer);
    while (l && !l.empty()) {
      const p = l.receive();
      const out = peer?.output.output;
      if (this.down || !peer || peer.down || !out) { this.drop(p, DropReason.PORT_DOWN); continue; }
      const s = this.pool.start(p), d = this.pool.data;
      if (d[s + 12] === 0x88 && d[s + 13] === 0x09) {
        if (this.blockSlow) { this.drop(p, DropReason.FILTERED); continue; }
        if (d[s + 14] === MARKER_SUBTYPE) this.lastMarker = d.slice(s, s + this.pool.len[p]!);
      }
      this.counters[TX_PACKETS]++;
      peer.counters[RX_PACKETS]++;
      out.transmit(p);
    }
  }
  override carrier(): boolean { return !this.down && nics.get(this.peer)?.down === false; }
}
registerApp('test-nic', TestNic);

export function backToBack(modeA: string, extraA = ',lacp=active,lacp-rate=fast', extraB = extraA, gen: object = { size: 128, flows: 64, rate: 20000 }, checkAccounting?: boolean) {
  nics.clear();
  const e = new Engine(newPool(), { tickHz: 1000, ...(checkAccounting !== undefined ? { checkAccounting } : {}) });
  const bond = (spec: string) => portApp(parsePortSpec(spec));
  e.configure({
    apps: {
      gen: { type: 'gen', args: gen }, sink: { type: 'sink' }, sinkA: { type: 'sink' },
      a1: { type: 'test-nic', args: { peer: 'b1' } }, a2: { type: 'test-nic', args: { peer: 'b2' } },
      b1: { type: 'test-nic', args: { peer: 'a1' } }, b2: { type: 'test-nic', args: { peer: 'a2' } },
      A: bond(`bond:a1+a2,mode=${modeA}${extraA},system-mac=02:00:00:00:00:0a`),
      B: bond(`bond:b1+b2,mode=${modeA}${extraB},system-mac=02:00:00:00:00:0b,key=7`),
    },
    links: [
      'gen.output -> A.input', 'A.output -> sinkA.input', 'B.output -> sink.input',
      ...['a1', 'a2'].flatMap((m) => [`${m}.output -> A.${m}`, `A.${m} -> ${m}.input`]),
      ...['b1', 'b2'].flatMap((m) => [`${m}.output -> B.${m}`, `B.${m} -> ${m}.input`]),
    ],
  });
  return { e, A: e.apps.get('A') as Bond, B: e.apps.get('B') as Bond };
}

export const enabled = (b: Bond) => b.members.filter((m) => m.enabled).map((m) => m.name);
export const txOf = (e: Engine, n: string) => e.stats().apps[n]!.tx.packets;

