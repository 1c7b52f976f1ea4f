export declare const USAGE: string;
export declare function main(argv: string[]): Promise<number>;
