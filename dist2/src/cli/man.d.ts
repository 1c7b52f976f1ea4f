export declare function manPage(version: string): string;
