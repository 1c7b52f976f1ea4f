import { COUNTER_COUNT, DROP_BASE } from './counters.js';
export class App {
    name;
    pool;
    /** Input links by name (set by the engine). */
    input = Object.create(null);
    /** Output links by name (set by the engine). */
    output = Object.create(null);
    /** The same links as arrays, in name order. */
    inputs = [];
    outputs = [];
    /** rx/tx/poll/drop counters (see counters.ts). */
    counters = new Float64Array(COUNTER_COUNT);
    constructor(ctx) {
        this.name = ctx.name;
        this.pool = ctx.pool;
    }
    /** Free p and count it under `reason`. */
    drop(p, reason) {
        this.pool.free(p);
        this.counters[DROP_BASE + reason]++;
    }
}
//# sourceMappingURL=app.js.map