/** Sampled cost of one app: time and packets of its sampled calls that moved packets (idle polls are not per-packet cost). */
export class AppCost {
    ns = 0;
    packets = 0;
    calls = 0;
}
export class CostSampler {
    /** Cost by app name, kept across reconfigurations for apps that stay. */
    costs = new Map();
    pullCost = [];
    pushCost = [];
    version = -1;
    t0 = 0;
    /** Follow the engine's current pull/push order (pull and push of one app share a record). */
    sync(engine) {
        const o = engine.order();
        const live = new Set(engine.apps.keys());
        for (const k of [...this.costs.keys()])
            if (!live.has(k))
                this.costs.delete(k);
        const cost = (n) => { let c = this.costs.get(n); if (!c) {
            c = new AppCost();
            this.costs.set(n, c);
        } return c; };
        this.pullCost = o.pull.map(cost);
        this.pushCost = o.push.map(cost);
        this.version = engine.orderVersion;
    }
    begin(engine) { if (engine.orderVersion !== this.version)
        this.sync(engine); }
    beforePull() { this.t0 = performance.now(); }
    afterPull(_a, i, moved) { this.add(this.pullCost[i], moved); }
    beforePush() { this.t0 = performance.now(); }
    afterPush(_a, i, moved) { this.add(this.pushCost[i], moved); }
    end() { }
    add(c, moved) {
        const t1 = performance.now();
        if (moved !== 0) {
            c.ns += (t1 - this.t0) * 1e6;
            c.packets += moved;
            c.calls++;
        }
    }
}
//# sourceMappingURL=probes.js.map