/**
 * Up/down state of a kernel-interface port (AF_PACKET, TAP), for `report()` and logs.
 * Control path: changed from configure/tick/error paths, never per packet. Each change is
 * logged once to stderr ("sluice: port p0 (af-packet veth0) down: no interface named veth0")
 * unless quiet; the data path only reads `up`.
 */
export declare class PortState {
    readonly label: string;
    readonly quiet: boolean;
    up: boolean;
    reason: string;
    /** Number of up/down changes. */
    changes: number;
    /** Date.now() of the last change. */
    since: number;
    constructor(label: string, quiet?: boolean);
    setUp(): void;
    setDown(reason: string): void;
    private changed;
    report(): {
        state: 'up' | 'down';
        reason?: string;
        since: string;
    };
}
