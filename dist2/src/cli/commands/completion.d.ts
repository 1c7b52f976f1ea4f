/** Subcommands per verb, from the command table (plus `show`'s objects and the shells). */
export declare function subcommands(): Record<string, string[]>;
export declare function bashScript(kinds?: string[]): string;
export declare function zshScript(kinds?: string[]): string;
export declare function main(argv: string[]): Promise<number>;
