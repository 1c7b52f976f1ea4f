/**
 * PcapWriter: classic pcap writer (draft-gharris-opsawg-pcap), little-endian, version 2.4,
 * LINKTYPE_ETHERNET, microsecond (0xa1b2c3d4) or nanosecond (0xa1b23c4d) timestamps.
 *
 * Contract
 *   PcapWriter.create(path, opts)  control path: opens (truncates) the file.
 *   PcapWriter.fromFd(fd, opts)    control path: writes to an fd you own (pipe to
 *                                  `tshark -r -`, FIFO, stdout); not closed by close()
 *                                  unless opts.ownsFd.
 *   write(ifIndex, buf, off, len, tsNs, flags?, origLen?)
 *                                  data path: appends one record to the preallocated buffer
 *                                  (flushed with fs.writeSync when full). ifIndex and flags
 *                                  are ignored (classic pcap has neither); they keep the
 *                                  signature the same as PcapngWriter's. Packets longer than
 *                                  snaplen are truncated (orig_len keeps the real length).
 *                                  Returns 1 if written, 0 if dropped (bad arguments →
 *                                  `badArgs`, failed fd → `writeErrors`); never throws.
 *   writeExact(ifIndex, buf, off, len, tsSec, tsNsec, flags?, origLen?)
 *                                  same with an exact seconds + nanoseconds timestamp.
 *   flush()                        push buffered records to the fd (call periodically for live
 *                                  capture).
 *   close()                        flush, close an owned fd; throws the first I/O error.
 * The file header is written at construction (it reaches the fd with the first flush).
 */
import { closeSync, openSync, constants as fsc } from 'node:fs';
import { OutSink, DEFAULT_BUFFER_BYTES } from './out-sink.js';
import { copyBytes, viewOf } from './copy.js';
import { LINKTYPE_ETHERNET, MAX_SNAPLEN, PCAP_FILE_HEADER_LEN, PCAP_MAGIC_NS, PCAP_MAGIC_US, PCAP_RECORD_HEADER_LEN, PCAP_VERSION_MAJOR, PCAP_VERSION_MINOR, } from './format.js';
/** Classic pcap writer; see the module header. */
export class PcapWriter {
    sink;
    snaplen;
    nanosecond;
    /** Records written. */
    packets = 0;
    /** Records whose data was cut to snaplen. */
    truncated = 0;
    /** write() calls rejected for out-of-range off/len. */
    badArgs = 0;
    /** Records dropped because the fd failed (see sink.error). */
    writeErrors = 0;
    lastSrc;
    lastSrcView;
    /** Create/truncate `path` and write the file header. Control path. */
    static create(path, opts = {}) {
        // 'w' without following a symlink in the last component (the daemon checks the rest).
        const fd = openSync(path, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_TRUNC | fsc.O_NOFOLLOW, 0o666);
        try {
            return new PcapWriter(fd, true, opts.label ?? path, opts);
        }
        catch (e) {
            closeSync(fd); // bad options: do not leak the fd
            throw e;
        }
    }
    /** Write to an existing fd (pipe, FIFO, socket, file). Control path. */
    static fromFd(fd, opts = {}) {
        return new PcapWriter(fd, opts.ownsFd ?? false, opts.label ?? `fd ${fd}`, opts);
    }
    constructor(fd, ownsFd, label, opts) {
        const snaplen = opts.snaplen ?? MAX_SNAPLEN;
        if (!Number.isInteger(snaplen) || snaplen < 1 || snaplen > MAX_SNAPLEN) {
            throw new RangeError(`${label}: snaplen ${snaplen} is outside 1..${MAX_SNAPLEN}`);
        }
        this.snaplen = snaplen;
        this.nanosecond = (opts.resolution ?? 'ns') === 'ns';
        this.sink = new OutSink(fd, ownsFd, label, opts.bufferBytes ?? DEFAULT_BUFFER_BYTES);
        this.lastSrc = this.sink.buf;
        this.lastSrcView = this.sink.view;
        const o = this.sink.reserve(PCAP_FILE_HEADER_LEN);
        const v = this.sink.view;
        v.setUint32(o, this.nanosecond ? PCAP_MAGIC_NS : PCAP_MAGIC_US, true);
        v.setUint16(o + 4, PCAP_VERSION_MAJOR, true);
        v.setUint16(o + 6, PCAP_VERSION_MINOR, true);
        v.setUint32(o + 8, 0, true); // reserved1 (was thiszone)
        v.setUint32(o + 12, 0, true); // reserved2 (was sigfigs)
        v.setUint32(o + 16, snaplen, true);
        v.setUint32(o + 20, LINKTYPE_ETHERNET, true); // no FCS bits
        this.sink.commit(PCAP_FILE_HEADER_LEN);
    }
    /** Append one record with a timestamp in ns since the epoch. See the module header. */
    write(ifIndex, buf, off, len, tsNs, flags = 0, origLen = 0) {
        // tsNs is a double; sec * 1e9 is exact (1e9 = 2^9 * 1953125 and sec < 2^32), so the
        // remainder is the double's exact sub-second part.
        let sec = Math.floor(tsNs / 1e9);
        let nsec = tsNs - sec * 1e9;
        if (nsec < 0) {
            sec -= 1;
            nsec += 1e9;
        }
        else if (nsec >= 1e9) {
            sec += 1;
            nsec -= 1e9;
        }
        if (!(sec >= 0)) {
            sec = 0;
            nsec = 0;
        } // negative or NaN: clamp to the epoch
        return this.writeExact(ifIndex, buf, off, len, sec, nsec, flags, origLen);
    }
    /** Append one record with an exact seconds + nanoseconds timestamp. */
    writeExact(ifIndex, buf, off, len, tsSec, tsNsec, flags = 0, origLen = 0) {
        if (!(off >= 0 && len >= 0 && off + len <= buf.length)) {
            this.badArgs++;
            return 0;
        }
        let frac = this.nanosecond ? Math.floor(tsNsec) : Math.round(tsNsec / 1000);
        let sec = tsSec;
        const limit = this.nanosecond ? 1e9 : 1e6;
        if (frac >= limit) {
            sec += 1;
            frac -= limit;
        }
        if (!(frac >= 0))
            frac = 0;
        if (!(sec >= 0 && sec <= 0xffffffff))
            sec = 0; // ts_sec is u32: out of range → epoch
        let orig = origLen > len ? origLen : len;
        if (orig > 0xffffffff)
            orig = 0xffffffff;
        let incl = len;
        if (incl > this.snaplen) {
            incl = this.snaplen;
            this.truncated++;
        }
        const o = this.sink.reserve(PCAP_RECORD_HEADER_LEN + incl);
        if (o < 0) {
            this.writeErrors++;
            return 0;
        }
        const v = this.sink.view;
        v.setUint32(o, sec, true);
        v.setUint32(o + 4, frac, true);
        v.setUint32(o + 8, incl, true);
        v.setUint32(o + 12, orig, true);
        if (buf !== this.lastSrc) {
            this.lastSrc = buf;
            this.lastSrcView = viewOf(buf);
        }
        copyBytes(buf, this.lastSrcView, off, this.sink.buf, v, o + PCAP_RECORD_HEADER_LEN, incl);
        this.sink.commit(PCAP_RECORD_HEADER_LEN + incl);
        this.packets++;
        return 1;
    }
    /** Push buffered records to the fd. Never throws; see sink.error. */
    flush() {
        this.sink.flush();
    }
    /** Flush and close (an owned fd). Throws the first I/O error, if any. */
    close() {
        this.sink.close();
    }
}
//# sourceMappingURL=pcap-writer.js.map