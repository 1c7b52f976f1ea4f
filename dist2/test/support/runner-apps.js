/**
 * Small apps for engine/runner tests (test-only; importing registers them): `test-kicked`
 * emits one packet per eventfd kick and sleeps on it, `test-halver` drops every second
 * packet as filtered, `test-counter` consumes and counts.
 */
import { PacketPool } from '../../src/core/packet.js';
import { App } from '../../src/core/app.js';
import { registerApp } from '../../src/core/registry.js';
import { RX_PACKETS, TX_PACKETS } from '../../src/core/counters.js';
import { DropReason } from '../../src/core/drop-reasons.js';
import { eventfd, eventfdRead, closeFd } from '../../src/sys/index.js';
/** Emits one packet per eventfd kick; sleeps on the eventfd. */
export class Kicked extends App {
    fd = eventfd();
    pull() {
        const out = this.output.output;
        if (!out)
            return;
        const n = eventfdRead(this.fd);
        for (let i = 0; i < n; i++) {
            const p = this.pool.alloc();
            if (p < 0)
                return;
            this.pool.len[p] = 60;
            out.transmit(p);
            this.counters[RX_PACKETS]++;
        }
    }
    wakeFds() { return [this.fd]; }
    stop() { closeFd(this.fd); }
}
/** Drops every second packet (filtered), forwards the others. */
class Halver extends App {
    n = 0;
    push() {
        const i = this.input.input, o = this.output.output;
        if (!i || !o)
            return;
        while (!i.empty()) {
            const p = i.receive();
            if ((this.n++ & 1) === 1)
                this.drop(p, DropReason.FILTERED);
            else
                o.transmit(p);
        }
    }
}
class Counter extends App {
    push() {
        const i = this.input.input;
        if (!i)
            return;
        while (!i.empty()) {
            this.pool.free(i.receive());
            this.counters[TX_PACKETS]++;
        }
    }
}
registerApp('test-kicked', Kicked);
registerApp('test-halver', Halver);
registerApp('test-counter', Counter);
export function pool() { return new PacketPool(new ArrayBuffer(PacketPool.bytesFor(1024, 2048)), 1024, 2048); }
export const until = async (f, ms = 5000) => { const end = Date.now() + ms; while (!f() && Date.now() < end)
    await new Promise((r) => setTimeout(r, 2)); return f(); };
//# sourceMappingURL=runner-apps.js.map