/** Bottom to top. A folder not listed here fails the test (give it a layer). */
export declare const LAYERS: string[][];
/** Relative module specifiers in `text`, comments removed first. */
export declare function specifiers(text: string): string[];
