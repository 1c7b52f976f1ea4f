export interface PortSpec {
    /** The spec exactly as given. */
    text: string;
    kind: string;
    /** Positional argument (path, interface name…), '' if none. */
    arg: string;
    options: Record<string, string | true>;
}
export declare class PortSpecError extends Error {
}
export declare function parsePortSpec(text: string): PortSpec;
/** Read an integer option in [min, max]; throws naming the option. */
export declare function intOption(spec: PortSpec, key: string, min: number, max: number, dflt?: number): number | undefined;
export declare function numberOption(spec: PortSpec, key: string, min: number, max: number): number | undefined;
export declare function stringOption(spec: PortSpec, key: string): string | undefined;
/** A MAC address option (aa:bb:cc:dd:ee:ff), as the apps' schemas take it. */
export declare function macOption(spec: PortSpec, key: string): string | undefined;
/** A dotted IPv4 address option. */
export declare function ipv4Option(spec: PortSpec, key: string): string | undefined;
/** Throw if the spec has options not in `allowed`. */
export declare function checkOptions(spec: PortSpec, allowed: readonly string[]): void;
/** `text` without option `key` (e.g. the switch's `name=`, which names the port rather than configuring it). */
export declare function specWithout(text: string, key: string): string;
