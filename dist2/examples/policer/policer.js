/**
 * A token-bucket policer written as a Sluice app, the way a user writes a network function:
 * packets on `input` within `rate` packets/s (bursts up to `burst`) go to `output`; the
 * excess is dropped and counted under the shared reason `filtered`.
 */
import { App, DropReason } from 'sluice';
export class Policer extends App {
    rate;
    burst;
    tokens;
    last = performance.now();
    in;
    out;
    passed = 0;
    constructor(ctx, args) {
        super(ctx);
        if (!(args.rate > 0))
            throw new RangeError('policer: rate must be > 0');
        this.rate = args.rate;
        this.burst = args.burst ?? Math.max(32, Math.ceil(args.rate / 1000));
        this.tokens = this.burst;
    }
    // Cache the links once per reconfiguration instead of looking them up per packet.
    linked() { this.in = this.input.input; this.out = this.output.output; }
    push() {
        const input = this.in, output = this.out;
        if (input === undefined || output === undefined)
            return;
        const now = performance.now();
        this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
        this.last = now;
        while (!input.empty()) {
            const p = input.receive();
            if (this.tokens >= 1) {
                this.tokens -= 1;
                this.passed++;
                output.transmit(p);
            }
            else
                this.drop(p, DropReason.FILTERED);
        }
    }
    report() { return { passed: this.passed, rate: this.rate }; }
}
//# sourceMappingURL=policer.js.map