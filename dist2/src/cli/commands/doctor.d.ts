export declare const USAGE: string;
/** Shared by doctor and pod-info: parse --root/-j/-p, reject anything else. */
export declare function parseHostArgs(argv: string[], usage: string, allowEal?: boolean): {
    root: string;
    json: boolean;
    pretty: boolean;
    eal: boolean;
};
export declare function main(argv: string[]): Promise<number>;
