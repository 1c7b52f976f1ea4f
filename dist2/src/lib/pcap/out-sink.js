/**
 * OutSink: a preallocated output buffer in front of a file descriptor (file, pipe or FIFO),
 * shared by PcapWriter and PcapngWriter.
 *
 * Contract
 *   reserve(n)  data path: makes room for n bytes (flushing if needed) and returns the offset
 *               in `buf` where the caller writes them, then the caller calls commit(n).
 *               Returns -1 when the sink has failed (the writer then counts a drop).
 *   flush()     writes everything buffered with fs.writeSync; handles partial writes and
 *               EAGAIN (non-blocking pipes: sleeps 1 ms per retry, gives up after
 *               `eagainLimitMs`). Any other error (EPIPE when `tshark` exits, ENOSPC, ...)
 *               puts the sink in the failed state with `error` set; it never throws.
 *   close()     flushes, closes the fd if owned, and throws the stored error if there is one.
 * No allocation after construction.
 */
import { closeSync, writeSync } from 'node:fs';
import { PcapError } from './pcap-error.js';
/** Default output buffer size (1 MiB). */
export const DEFAULT_BUFFER_BYTES = 1 << 20;
/** Smallest buffer that holds the largest record we write (256 KiB of data + headers). */
export const MIN_BUFFER_BYTES = 262144 + 4096;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Buffered fd writer; see the module header. */
export class OutSink {
    fd;
    ownsFd;
    label;
    eagainLimitMs;
    buf;
    view;
    /** Bytes buffered but not yet written. */
    pos = 0;
    /** Bytes handed to the kernel so far. */
    bytesWritten = 0;
    /** 1 ms waits on EAGAIN (a full non-blocking pipe: the reader is slower than us). */
    eagainWaits = 0;
    /** First I/O error; the sink writes nothing after it. */
    error = null;
    closed = false;
    constructor(fd, ownsFd, label, bufferBytes, eagainLimitMs = 10_000) {
        this.fd = fd;
        this.ownsFd = ownsFd;
        this.label = label;
        this.eagainLimitMs = eagainLimitMs;
        if (!Number.isInteger(bufferBytes) || bufferBytes < MIN_BUFFER_BYTES) {
            throw new RangeError(`${label}: bufferBytes ${bufferBytes} is below the minimum ${MIN_BUFFER_BYTES}`);
        }
        this.buf = new Uint8Array(bufferBytes);
        this.view = new DataView(this.buf.buffer);
    }
    /** Room for n bytes at the returned offset, or -1 if the sink failed. */
    reserve(n) {
        if (this.error !== null || this.closed)
            return -1;
        if (this.pos + n > this.buf.length) {
            this.flush();
            if (this.error !== null)
                return -1;
        }
        return this.pos;
    }
    /** Account for n bytes written at the offset reserve() returned. */
    commit(n) {
        this.pos += n;
    }
    /** Write out everything buffered. Never throws; see `error`. */
    flush() {
        let off = 0;
        const end = this.pos;
        let waitedMs = 0;
        while (off < end && this.error === null) {
            try {
                const w = writeSync(this.fd, this.buf, off, end - off);
                off += w;
                this.bytesWritten += w;
            }
            catch (e) {
                const code = e.code;
                if (code === 'EAGAIN' && waitedMs < this.eagainLimitMs) {
                    Atomics.wait(sleepCell, 0, 0, 1); // pipe full: let the reader drain it
                    waitedMs++;
                    this.eagainWaits++;
                    continue;
                }
                this.error = new PcapError(this.label, -1, this.bytesWritten, 'fd', `write failed: ${e.message}`);
            }
        }
        this.pos = 0;
    }
    /** Flush, close the fd if owned, and throw the first I/O error if any. Idempotent. */
    close() {
        if (this.closed)
            return;
        this.flush();
        this.closed = true;
        if (this.ownsFd) {
            try {
                closeSync(this.fd);
            }
            catch (e) {
                if (this.error === null)
                    this.error = new PcapError(this.label, -1, -1, 'fd', `close failed: ${e.message}`);
            }
        }
        if (this.error !== null)
            throw this.error;
    }
}
//# sourceMappingURL=out-sink.js.map