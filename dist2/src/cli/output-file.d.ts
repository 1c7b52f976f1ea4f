/** Throws a UsageError naming `option` unless `file` can be created or overwritten. */
export declare function checkOutputFile(option: string, file: string): void;
