/**
 * PcapReader: classic pcap (draft-gharris-opsawg-pcap) reader for replay into the switch.
 *
 * Contract
 *   PcapReader.open(path)          control path: reads the whole file (≤ maxFileBytes, default
 *                                  1 GiB) and validates the 24-byte file header; throws PcapError.
 *   PcapReader.fromBuffer(name, b) same, for bytes already in memory (tests, fuzzing).
 *   next(dst, dstOff, maxLen)      data path: copies the next record into dst[dstOff..] and
 *                                  returns the number of bytes copied (the captured length,
 *                                  or maxLen if that is smaller: the packet is then truncated,
 *                                  `capLen` keeps the full captured length and `truncated` is
 *                                  incremented; 0 if nothing fits in dst); -1 at clean end
 *                                  of file. Leaves `tsNs`,
 *                                  `tsSec`, `tsNsec`, `origLen`, `capLen`, `record`,
 *                                  `recordOffset`, `dataOff` in fields. Allocates nothing
 *                                  (except one view per packet > 128 bytes, see copy.ts).
 *                                  Throws PcapError on a malformed record (run `validate()`
 *                                  first so a switch never meets one on the data path).
 *   skip()                         as next() without copying; the bytes are at data[dataOff..].
 *   rewind()                       back to the first record (looping replay).
 *
 * Timestamps: `tsSec`/`tsNsec` are exact; `tsNs = tsSec * 1e9 + tsNsec` is a double, exact
 * below 2^53 ns (104 days after the epoch) and within ±128 ns for present-day dates, which is
 * what replay pacing needs.
 *
 * Checks (each names its field): file size, magic_number, version, snaplen (1..262144),
 * linktype (only LINKTYPE_ETHERNET, reserved bits zero), truncated record header, ts_usec <
 * 1e6 / ts_nsec < 1e9, incl_len ≤ 262144, incl_len ≤ snaplen, incl_len ≤ orig_len,
 * truncated packet data.
 */
import { readFileSync, statSync } from 'node:fs';
import { PcapError } from './pcap-error.js';
import { copyBytes, viewOf } from './copy.js';
import { LINKTYPE_ETHERNET, MAX_SNAPLEN, PCAP_FILE_HEADER_LEN, PCAP_MAGIC_NS, PCAP_MAGIC_NS_SWAPPED, PCAP_MAGIC_US, PCAP_MAGIC_US_SWAPPED, PCAP_RECORD_HEADER_LEN, PCAP_VERSION_MAJOR, PCAP_VERSION_MINOR, BT_SHB, linktypeName, } from './format.js';
/** Default upper bound on a file read whole into memory. */
export const DEFAULT_MAX_FILE_BYTES = 1 << 30;
/** Read a whole file after checking its size. Control path; throws PcapError. */
export function readWholeFile(path, opts) {
    const max = opts?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    let size;
    try {
        const st = statSync(path);
        if (!st.isFile())
            throw new PcapError(path, -1, -1, 'file', 'not a regular file');
        size = st.size;
    }
    catch (e) {
        if (e instanceof PcapError)
            throw e;
        throw new PcapError(path, -1, -1, 'file', `cannot open: ${e.message}`);
    }
    if (size > max)
        throw new PcapError(path, -1, 0, 'file', `file size ${size} exceeds the ${max}-byte limit for replay`);
    return readFileSync(path);
}
/** Classic pcap reader; see the module header. */
export class PcapReader {
    /** Whole file contents. */
    data;
    /** File name used in error messages. */
    name;
    /** True if the file is little-endian. */
    littleEndian;
    /** True for 0xa1b23c4d (nanosecond) files. */
    nanosecond;
    versionMajor;
    versionMinor;
    snaplen;
    linktype;
    /** Timestamp of the last record, ns since the epoch (see header about precision). */
    tsNs = 0;
    /** Seconds part of the last record's timestamp (exact). */
    tsSec = 0;
    /** Sub-second part of the last record's timestamp in ns (exact; µs files × 1000). */
    tsNsec = 0;
    /** orig_len of the last record. */
    origLen = 0;
    /** incl_len of the last record. */
    capLen = 0;
    /** 0-based index of the last record returned; -1 before the first. */
    record = -1;
    /** File offset of the last record's header. */
    recordOffset = -1;
    /** File offset of the last record's packet bytes. */
    dataOff = 0;
    /** Records cut short because maxLen < incl_len. */
    truncated = 0;
    pos = PCAP_FILE_HEADER_LEN;
    view;
    fracLimit;
    fracToNs;
    lastDst;
    lastDstView;
    /** Open and read a pcap file. Control path; throws PcapError. */
    static open(path, opts) {
        return new PcapReader(path, readWholeFile(path, opts));
    }
    /** Wrap bytes already in memory. Control path; throws PcapError. */
    static fromBuffer(name, data) {
        return new PcapReader(name, data);
    }
    constructor(name, data) {
        this.name = name;
        this.data = data;
        this.view = viewOf(data);
        this.lastDst = data;
        this.lastDstView = this.view;
        const n = data.byteLength;
        if (n === 0)
            throw new PcapError(name, -1, 0, 'file_header', 'file is empty');
        if (n < 4)
            throw new PcapError(name, -1, 0, 'magic_number', `file is ${n} bytes, too short for a magic number`);
        const magic = this.view.getUint32(0, true);
        let le = true;
        let ns = false;
        if (magic === PCAP_MAGIC_US) {
            le = true;
            ns = false;
        }
        else if (magic === PCAP_MAGIC_NS) {
            le = true;
            ns = true;
        }
        else if (magic === PCAP_MAGIC_US_SWAPPED) {
            le = false;
            ns = false;
        }
        else if (magic === PCAP_MAGIC_NS_SWAPPED) {
            le = false;
            ns = true;
        }
        else if (magic === BT_SHB) {
            throw new PcapError(name, -1, 0, 'magic_number', 'magic 0x0a0d0d0a is a pcapng section header; open it with PcapngReader');
        }
        else {
            throw new PcapError(name, -1, 0, 'magic_number', `magic_number 0x${hex8(this.view.getUint32(0, false))} is not a pcap magic (0xa1b2c3d4 or 0xa1b23c4d, either byte order)`);
        }
        this.littleEndian = le;
        this.nanosecond = ns;
        this.fracLimit = ns ? 1e9 : 1e6;
        this.fracToNs = ns ? 1 : 1000;
        if (n < PCAP_FILE_HEADER_LEN) {
            throw new PcapError(name, -1, 0, 'file_header', `file is ${n} bytes, shorter than the ${PCAP_FILE_HEADER_LEN}-byte pcap file header`);
        }
        this.versionMajor = this.view.getUint16(4, le);
        this.versionMinor = this.view.getUint16(6, le);
        // The draft defines 2.4 only; libpcap still reads 2.0-2.3 files the same way.
        if (this.versionMajor !== PCAP_VERSION_MAJOR || this.versionMinor > PCAP_VERSION_MINOR) {
            throw new PcapError(name, -1, 4, 'version', `version ${this.versionMajor}.${this.versionMinor} is not supported (expected 2.4)`);
        }
        this.snaplen = this.view.getUint32(16, le);
        if (this.snaplen === 0 || this.snaplen > MAX_SNAPLEN) {
            throw new PcapError(name, -1, 16, 'snaplen', `snaplen ${this.snaplen} is outside 1..${MAX_SNAPLEN}`);
        }
        // Word at 20: FCS (3 bits) | f (1 bit) | 12 reserved zero bits | LinkType (16 bits).
        const ltWord = this.view.getUint32(20, le);
        this.linktype = ltWord & 0xffff;
        if ((ltWord & 0x0fff0000) !== 0) {
            throw new PcapError(name, -1, 20, 'linktype', `linktype word 0x${hex8(ltWord)} has reserved bits 16-27 set`);
        }
        if (this.linktype !== LINKTYPE_ETHERNET) {
            throw new PcapError(name, -1, 20, 'linktype', `linktype ${this.linktype} (${linktypeName(this.linktype)}) is not supported; only LINKTYPE_ETHERNET (1)`);
        }
    }
    /** Back to the first record. */
    rewind() {
        this.pos = PCAP_FILE_HEADER_LEN;
        this.record = -1;
    }
    /**
     * Advance to the next record and validate it without copying. Returns incl_len, or -1 at
     * clean end of file. The packet bytes are at `data[dataOff .. dataOff + capLen)`.
     */
    skip() {
        const p = this.pos;
        const n = this.data.byteLength;
        if (p === n)
            return -1;
        const rec = this.record + 1;
        const le = this.littleEndian;
        if (n - p < PCAP_RECORD_HEADER_LEN) {
            throw new PcapError(this.name, rec, p, 'record_header', `record header truncated: ${n - p} bytes left, need ${PCAP_RECORD_HEADER_LEN}`);
        }
        const v = this.view;
        const sec = v.getUint32(p, le);
        const frac = v.getUint32(p + 4, le);
        const incl = v.getUint32(p + 8, le);
        const orig = v.getUint32(p + 12, le);
        if (frac >= this.fracLimit) {
            const f = this.nanosecond ? 'ts_nsec' : 'ts_usec';
            throw new PcapError(this.name, rec, p, f, `${f} ${frac} is not below ${this.fracLimit}`);
        }
        if (incl > MAX_SNAPLEN) {
            throw new PcapError(this.name, rec, p, 'incl_len', `incl_len ${incl} exceeds the maximum ${MAX_SNAPLEN}`);
        }
        if (incl > this.snaplen) {
            throw new PcapError(this.name, rec, p, 'incl_len', `incl_len ${incl} exceeds snaplen ${this.snaplen}`);
        }
        if (incl > orig) {
            throw new PcapError(this.name, rec, p, 'incl_len', `incl_len ${incl} exceeds orig_len ${orig}`);
        }
        const d = p + PCAP_RECORD_HEADER_LEN;
        if (n - d < incl) {
            throw new PcapError(this.name, rec, p, 'packet_data', `packet data truncated: incl_len ${incl} but ${n - d} bytes left`);
        }
        this.record = rec;
        this.recordOffset = p;
        this.dataOff = d;
        this.pos = d + incl;
        this.tsSec = sec;
        this.tsNsec = frac * this.fracToNs;
        this.tsNs = sec * 1e9 + this.tsNsec;
        this.capLen = incl;
        this.origLen = orig;
        return incl;
    }
    /** Copy the next record into dst; see the module header. */
    next(dst, dstOff, maxLen) {
        const incl = this.skip();
        if (incl < 0)
            return -1;
        let len = incl;
        if (len > maxLen) {
            len = maxLen;
            this.truncated++;
        }
        // Never write outside dst even if the caller's maxLen is wrong.
        if (len > dst.length - dstOff)
            len = dst.length - dstOff;
        if (len <= 0)
            return 0;
        if (dst !== this.lastDst) {
            this.lastDst = dst;
            this.lastDstView = viewOf(dst);
        }
        // TRUST: dataOff + incl ≤ data.byteLength checked in skip(); dst range clamped above.
        copyBytes(this.data, this.view, this.dataOff, dst, this.lastDstView, dstOff, len);
        return len;
    }
}
/** Lowercase 8-digit hex. */
export function hex8(v) {
    return (v >>> 0).toString(16).padStart(8, '0');
}
//# sourceMappingURL=pcap-reader.js.map