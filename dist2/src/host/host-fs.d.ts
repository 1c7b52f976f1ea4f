export declare class HostFs {
    readonly root: string;
    /** One line per failed read: "<path>: <reason>". */
    readonly problems: string[];
    constructor(root?: string);
    /** Absolute path on this machine of a host path. */
    resolve(hostPath: string): string;
    private note;
    /** File text, or undefined (reason recorded unless `quiet`). */
    read(hostPath: string, quiet?: boolean): string | undefined;
    /** Trimmed first line, or undefined. */
    readLine(hostPath: string, quiet?: boolean): string | undefined;
    /** Non-negative integer content, or undefined (odd content is recorded as a problem). */
    readInt(hostPath: string, quiet?: boolean): number | undefined;
    /** Directory entries sorted, or [] (reason recorded unless `quiet`). */
    list(hostPath: string, quiet?: boolean): string[];
    exists(hostPath: string): boolean;
    isDir(hostPath: string): boolean;
    /** Last component of a symlink's target (sysfs "driver" links), or undefined. */
    linkName(hostPath: string): string | undefined;
}
/** "node2" < "node10", "virtfn2" < "virtfn10". */
export declare function naturalCompare(a: string, b: string): number;
