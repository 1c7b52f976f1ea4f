/**
 * HostFs: read-only access to a host's /proc, /sys and /dev under a root directory, so
 * `doctor` and `pod-info` run against the real host (root "/") or a fixture tree.
 *
 * Contract: nothing here throws for a missing, unreadable, oversized or odd file; reads
 * return undefined and the reason is kept in `problems` (path relative to the root) for
 * callers that want to report it. Paths are host-absolute ("/proc/meminfo"); a path with a
 * ".." segment is refused, so names read from the tree cannot walk out of the root.
 * Reads are capped at 1 MiB (sysfs/procfs files are small; a huge one is a wrong root).
 */
import { closeSync, lstatSync, openSync, readSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
const MAX_READ = 1 << 20;
export class HostFs {
    root;
    /** One line per failed read: "<path>: <reason>". */
    problems = [];
    constructor(root = '/') {
        this.root = root;
    }
    /** Absolute path on this machine of a host path. */
    resolve(hostPath) {
        if (!hostPath.startsWith('/') || hostPath.split('/').includes('..'))
            throw new Error(`bad host path ${JSON.stringify(hostPath)}`);
        return join(this.root, hostPath);
    }
    note(hostPath, err) {
        const code = err?.code;
        this.problems.push(`${hostPath}: ${code ?? err?.message ?? String(err)}`);
    }
    /** File text, or undefined (reason recorded unless `quiet`). */
    read(hostPath, quiet = false) {
        let fd = -1;
        try {
            fd = openSync(this.resolve(hostPath), 'r');
            const buf = Buffer.allocUnsafe(MAX_READ + 1);
            let n = 0;
            for (;;) {
                const got = readSync(fd, buf, n, buf.length - n, null);
                if (got === 0)
                    break;
                n += got;
                if (n > MAX_READ)
                    throw new Error(`larger than ${MAX_READ} bytes`);
            }
            return buf.toString('utf8', 0, n);
        }
        catch (err) {
            if (!quiet)
                this.note(hostPath, err);
            return undefined;
        }
        finally {
            if (fd >= 0)
                closeSync(fd);
        }
    }
    /** Trimmed first line, or undefined. */
    readLine(hostPath, quiet = false) {
        const t = this.read(hostPath, quiet);
        return t === undefined ? undefined : (t.split('\n')[0] ?? '').trim();
    }
    /** Non-negative integer content, or undefined (odd content is recorded as a problem). */
    readInt(hostPath, quiet = false) {
        const t = this.readLine(hostPath, quiet);
        if (t === undefined)
            return undefined;
        if (!/^\d{1,15}$/.test(t)) {
            this.problems.push(`${hostPath}: expected an integer, found ${JSON.stringify(t.slice(0, 40))}`);
            return undefined;
        }
        return Number(t);
    }
    /** Directory entries sorted, or [] (reason recorded unless `quiet`). */
    list(hostPath, quiet = false) {
        try {
            return readdirSync(this.resolve(hostPath)).sort(naturalCompare);
        }
        catch (err) {
            if (!quiet)
                this.note(hostPath, err);
            return [];
        }
    }
    exists(hostPath) {
        try {
            lstatSync(this.resolve(hostPath));
            return true;
        }
        catch {
            return false;
        }
    }
    isDir(hostPath) {
        try {
            return statSync(this.resolve(hostPath)).isDirectory();
        }
        catch {
            return false;
        }
    }
    /** Last component of a symlink's target (sysfs "driver" links), or undefined. */
    linkName(hostPath) {
        try {
            return basename(readlinkSync(this.resolve(hostPath)));
        }
        catch {
            return undefined;
        }
    }
}
const collator = new Intl.Collator('en', { numeric: true });
/** "node2" < "node10", "virtfn2" < "virtfn10". */
export function naturalCompare(a, b) {
    return collator.compare(a, b);
}
//# sourceMappingURL=host-fs.js.map