/** Words after NAME → a port spec string. */
export declare function specFromWords(words: string[]): string;
export declare function main(argv: string[]): Promise<number>;
