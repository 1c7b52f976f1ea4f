/**
 * A graph config is data (Snabb's config): apps by name with their type and args, and links
 * as "from.output -> to.input" strings. `diffConfig` computes what must change to go from
 * one config to the next, so a reconfiguration touches only what changed.
 */
export interface AppSpec {
    type: string;
    args?: unknown;
    /** Module URL/path exporting the app class (user apps); the export is `type` or default. */
    module?: string;
}
export interface GraphConfig {
    apps: Record<string, AppSpec>;
    links: string[];
}
export interface LinkEnds {
    from: string;
    output: string;
    to: string;
    input: string;
}
/** Parse "a.out -> b.in"; throws naming the bad link. */
export declare function parseLink(spec: string): LinkEnds;
/** Canonical spelling of a link spec. */
export declare function linkKey(l: LinkEnds): string;
/** Structural checks a config must pass before any app is built. */
export declare function checkConfig(c: GraphConfig): void;
export interface ConfigDiff {
    /** Apps to stop and remove (includes apps to restart). */
    stop: string[];
    /** Apps to create (includes apps to restart). */
    start: string[];
    /** Apps kept whose args changed: try reconfig() first, restart if it declines. */
    reconfig: string[];
    unlink: string[];
    link: string[];
}
/** `restart` names kept apps that must be rebuilt anyway (they declined reconfig). */
export declare function diffConfig(prev: GraphConfig, next: GraphConfig, restart?: ReadonlySet<string>): ConfigDiff;
