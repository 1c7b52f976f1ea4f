/**
 * Up/down state of a kernel-interface port (AF_PACKET, TAP), for `report()` and logs.
 * Control path: changed from configure/tick/error paths, never per packet. Each change is
 * logged once to stderr ("sluice: port p0 (af-packet veth0) down: no interface named veth0")
 * unless quiet; the data path only reads `up`.
 */
export class PortState {
    label;
    quiet;
    up = false;
    reason = 'not opened yet';
    /** Number of up/down changes. */
    changes = 0;
    /** Date.now() of the last change. */
    since = Date.now();
    constructor(label, quiet = process.env.SLUICE_QUIET === '1') {
        this.label = label;
        this.quiet = quiet;
    }
    setUp() {
        if (this.up)
            return;
        this.up = true;
        this.reason = '';
        this.changed('up');
    }
    setDown(reason) {
        if (!this.up && this.reason === reason)
            return;
        this.up = false;
        this.reason = reason;
        this.changed(`down: ${reason}`);
    }
    changed(what) {
        this.changes++;
        this.since = Date.now();
        if (!this.quiet)
            console.error(`sluice: port ${this.label} ${what}`);
    }
    report() {
        return this.up ? { state: 'up', since: new Date(this.since).toISOString() } : { state: 'down', reason: this.reason, since: new Date(this.since).toISOString() };
    }
}
//# sourceMappingURL=port-state.js.map