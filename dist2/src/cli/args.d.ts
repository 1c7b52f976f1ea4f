export interface Flag {
    name: string;
    value: boolean;
    repeat?: boolean;
}
/**
 * Parse `--name value`, `--name=value` and boolean `--flag` options; `spec` maps each long
 * option to 'string', 'string[]' or 'boolean'; short aliases map to long names.
 */
export declare function parseArgs(argv: string[], spec: Record<string, 'string' | 'string[]' | 'boolean'>, aliases?: Record<string, string>): {
    opts: Record<string, string | string[] | boolean>;
    rest: string[];
};
export declare function numberArg(name: string, v: string | undefined, min: number, max: number): number | undefined;
