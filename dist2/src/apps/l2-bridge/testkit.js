/**
 * Test helpers shared by the switching/routing app tests (not used by the data path):
 * `test-inject` (a pull app emitting queued frames on `output`), `test-capture` (a push app
 * copying every frame from `input` and freeing it), a small pool, and a raw frame builder.
 * Importing this module registers the two test app types.
 */
import { App } from '../../core/app.js';
import { PacketPool } from '../../core/packet.js';
import { registerApp } from '../../core/registry.js';
import { parseMac, macHi16, macLo32, writeMacHiLo } from '../../lib/proto/addr.js';
export function makePool(n = 1024) {
    return new PacketPool(new ArrayBuffer(PacketPool.bytesFor(n, 2048)), n, 2048);
}
/** Emits queued frames (copies) on `output`, as many as fit per pull. */
export class Inject extends App {
    queue = [];
    send(...frames) { this.queue.push(...frames); }
    pull() {
        const o = this.output.output;
        if (!o)
            return;
        while (this.queue.length > 0 && !o.full()) {
            const f = this.queue.shift();
            const p = this.pool.alloc();
            if (p < 0)
                throw new Error('test pool empty');
            this.pool.data.set(f, this.pool.start(p));
            this.pool.len[p] = f.length;
            o.transmit(p);
        }
    }
}
/** Copies every frame arriving on `input`, then frees it. */
export class Capture extends App {
    frames = [];
    push() {
        const l = this.input.input;
        if (!l)
            return;
        while (!l.empty()) {
            const p = l.receive();
            const s = this.pool.start(p);
            this.frames.push(this.pool.data.slice(s, s + this.pool.len[p]));
            this.pool.free(p);
        }
    }
    take() { return this.frames.splice(0); }
}
registerApp('test-inject', Inject, {});
registerApp('test-capture', Capture, {});
/** A raw Ethernet frame: dst, src, optional 802.1Q VID, EtherType, payload bytes (zero padded to 60 bytes). */
export function ethFrame(dst, src, opts = {}) {
    const hdr = opts.vlan !== undefined ? 18 : 14;
    const payload = opts.payload ?? new Uint8Array(0);
    const len = Math.max(opts.size ?? 60, hdr + payload.length);
    const b = new Uint8Array(len);
    const d = parseMac(dst), s = parseMac(src);
    writeMacHiLo(b, 0, macHi16(d), macLo32(d));
    writeMacHiLo(b, 6, macHi16(s), macLo32(s));
    let o = 12;
    if (opts.vlan !== undefined) {
        b[12] = 0x81;
        b[13] = 0;
        b[14] = opts.vlan >> 8;
        b[15] = opts.vlan & 255;
        o = 16;
    }
    const et = opts.etherType ?? 0x88b5; // IEEE local experimental
    b[o] = et >> 8;
    b[o + 1] = et & 255;
    b.set(payload, o + 2);
    return b;
}
/** VID of a frame's outer 802.1Q tag, or -1 when untagged. */
export function frameVlan(f) {
    return f[12] === 0x81 && f[13] === 0 ? ((f[14] << 8) | f[15]) & 0xfff : -1;
}
//# sourceMappingURL=testkit.js.map