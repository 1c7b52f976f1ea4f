/**
 * Shared pcapng writers by destination, so several capture apps (ports, directions) can
 * write one file: a module-level registry of refcounted `PcapngWriter`s. Each capture app
 * acquires the writer for its destination, adds its own interface (IDB), and releases it on
 * stop; the last release writes the ISBs and closes. Control path only.
 *
 * Destinations: a regular file path (created/truncated on first acquire), `-` (stdout),
 * or an existing FIFO (opened non-blocking: a reader such as `tshark -r FIFO` must already
 * have it open, else the error says so).
 */
import { openSync, statSync, constants as fsc } from 'node:fs';
import { resolve } from 'node:path';
import { PcapngWriter } from '../../lib/pcap/index.js';
const writers = new Map();
function keyOf(dest) { return dest === '-' ? '-' : resolve(dest); }
function isFifo(path) {
    try {
        return statSync(path).isFIFO();
    }
    catch {
        return false;
    }
}
/** Writer for `dest`, created on first use. Throws a clear Error if it cannot be opened. */
export function acquireWriter(dest) {
    const key = keyOf(dest);
    const e = writers.get(key);
    if (e) {
        e.refs++;
        return e.writer;
    }
    const opts = { userappl: 'Sluice', os: `${process.platform} ${process.arch}`, label: dest };
    let w;
    if (dest === '-')
        w = PcapngWriter.fromFd(1, opts);
    else if (isFifo(key)) {
        let fd;
        try {
            fd = openSync(key, fsc.O_WRONLY | fsc.O_NONBLOCK | fsc.O_NOFOLLOW);
        }
        catch (err) {
            const code = err.code;
            throw new Error(`capture ${dest}: ${code === 'ENXIO' ? 'no reader on the FIFO (start e.g. `tshark -r FIFO` first)' : err.message}`);
        }
        w = PcapngWriter.fromFd(fd, { ...opts, ownsFd: true });
    }
    else {
        try {
            w = PcapngWriter.create(key, opts);
        }
        catch (err) {
            throw new Error(`capture ${dest}: ${err.message}`);
        }
    }
    writers.set(key, { writer: w, refs: 1 });
    return w;
}
/** Drop one reference; the last one closes the writer (ISBs written). Returns the close error, if any. */
export function releaseWriter(dest) {
    const key = keyOf(dest);
    const e = writers.get(key);
    if (!e)
        return undefined;
    if (--e.refs > 0)
        return undefined;
    writers.delete(key);
    try {
        e.writer.close();
    }
    catch (err) {
        return err;
    }
    return undefined;
}
/** Destinations currently open (for tests and stats). */
export function openDestinations() { return [...writers.keys()]; }
//# sourceMappingURL=writers.js.map