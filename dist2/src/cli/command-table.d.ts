/**
 * The one table of `sluice` verbs: what each does, its arguments, an example. `--help` on
 * any verb or subcommand, the verb list, usage errors and shell completion are all printed
 * from here, so they cannot drift apart. A verb's code lives in ./commands/<name>.ts.
 */
export interface SubCommand {
    name: string;
    aliases?: string[];
    usage: string[];
    about: string;
    example: string[];
}
export interface Verb {
    name: string;
    about: string;
    /** Usage lines without the leading "sluice " (subcommand verbs: the subs' lines). */
    usage: string[];
    /** Arguments and options, one per line. */
    args?: string[];
    example: string[];
    /** Talks to the daemon: takes -j/-p/--socket anywhere on the line. */
    ctl?: boolean;
    /** `-j`/`--json` is this verb's JSON-output flag (verbs that do not talk to the daemon). */
    jsonFlag?: boolean;
    subs?: SubCommand[];
    /** Help text computed at run time (e.g. the port kinds built in). */
    more?: () => Promise<string>;
}
export declare const GLOBAL_HELP = "global options (before or after the verb): -j|--json one-line JSON, -p|--pretty indented JSON, --socket PATH (default $SLUICE_SOCKET or /run/sluice/api.sock)";
export declare const VERBS: Verb[];
export declare function verb(name: string): Verb | undefined;
export declare function subCommand(v: Verb, name: string | undefined): SubCommand | undefined;
/** `usage: sluice ...` for a usage error (the first usage line of the verb or subcommand). */
export declare function usage(verbName: string, subName?: string): string;
/** The full --help text of a verb, or of one of its subcommands. */
export declare function helpText(v: Verb, s?: SubCommand): Promise<string>;
/** `sluice --help`: every verb with one line. */
export declare function overview(version: string): string;
