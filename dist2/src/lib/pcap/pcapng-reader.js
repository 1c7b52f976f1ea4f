/**
 * PcapngReader: pcapng (draft-ietf-opsawg-pcapng) reader with the same data-path API as
 * PcapReader. Reads SHB (either byte order, several sections), IDB (if_name,
 * if_description, if_tsresol, if_tsoffset), EPB (epb_flags, epb_dropcount), SPB and ISB
 * (isb_ifrecv, isb_ifdrop); skips every other block type by its length.
 *
 * Contract
 *   PcapngReader.open(path) / fromBuffer(name, bytes)  control path; checks the first SHB.
 *   next(dst, dstOff, maxLen)  copies the next packet (EPB or SPB) and returns the bytes
 *                              copied, -1 at clean end of file. Fields: `tsNs`, `tsSec`,
 *                              `tsNsec`, `origLen`, `capLen`, `ifIndex`, `epbFlags`,
 *                              `dropCount`, `record` (block index), `dataOff`.
 *                              SPBs carry no timestamp: tsNs = tsSec = tsNsec = 0.
 *   skip()                     as next() without copying.
 *   rewind()                   back to the start (interfaces are re-read).
 * Interface tables (`ifName`, `ifLinktype`, ...) are filled as IDBs are read.
 * Malformed input throws PcapError naming the block, offset and field; every loop advances
 * by at least 12 bytes (blocks) or 4 bytes (options), so any input terminates.
 * Only LINKTYPE_ETHERNET interfaces are accepted (Sluice ports carry Ethernet).
 */
import { PcapError } from './pcap-error.js';
import { copyBytes, viewOf } from './copy.js';
import { readWholeFile, hex8 } from './pcap-reader.js';
import { BT_EPB, BT_IDB, BT_ISB, BT_SHB, BT_SPB, BYTE_ORDER_MAGIC, BYTE_ORDER_MAGIC_SWAPPED, EPB_DROPCOUNT, EPB_FLAGS, IF_DESCRIPTION, IF_NAME, IF_TSOFFSET, IF_TSRESOL, ISB_IFDROP, ISB_IFRECV, LINKTYPE_ETHERNET, MAX_SNAPLEN, OPT_COMMENT, OPT_ENDOFOPT, SHB_HARDWARE, SHB_OS, SHB_USERAPPL, linktypeName, pad4, } from './format.js';
/** Upper bound on interfaces per section (bounds the per-interface tables). */
export const MAX_READ_INTERFACES = 4096;
/** pcapng reader; see the module header. */
export class PcapngReader {
    data;
    name;
    /** Byte order of the current section. */
    littleEndian = true;
    /** Sections (SHBs) seen so far. */
    sections = 0;
    /** SHB options of the current section. */
    shbHardware = '';
    shbOs = '';
    shbUserappl = '';
    /** opt_comment values of the current SHB. */
    shbComments = [];
    /** Interfaces of the current section. */
    ifCount = 0;
    ifName = [];
    ifDescription = [];
    ifLinktype = new Uint16Array(MAX_READ_INTERFACES);
    ifSnaplen = new Uint32Array(MAX_READ_INTERFACES);
    /** if_tsresol raw byte (6 when the IDB has none). */
    ifTsresol = new Uint8Array(MAX_READ_INTERFACES);
    /** if_tsoffset seconds. */
    ifTsoffset = new Float64Array(MAX_READ_INTERFACES);
    /** Last ISB isb_ifrecv / isb_ifdrop per interface, -1 if none seen. */
    isbIfRecv = new Float64Array(MAX_READ_INTERFACES).fill(-1);
    isbIfDrop = new Float64Array(MAX_READ_INTERFACES).fill(-1);
    tsNs = 0;
    tsSec = 0;
    tsNsec = 0;
    origLen = 0;
    capLen = 0;
    ifIndex = 0;
    /** epb_flags of the last packet (0 if absent). */
    epbFlags = 0;
    /** epb_dropcount of the last packet (0 if absent). */
    dropCount = 0;
    /** Index of the last block read (0 = first SHB). */
    record = -1;
    recordOffset = -1;
    dataOff = 0;
    truncated = 0;
    pos = 0;
    view;
    lastDst;
    lastDstView;
    /** Open and read a pcapng file. Control path; throws PcapError. */
    static open(path, opts) {
        return new PcapngReader(path, readWholeFile(path, opts));
    }
    /** Wrap bytes already in memory. Control path; throws PcapError. */
    static fromBuffer(name, data) {
        return new PcapngReader(name, data);
    }
    constructor(name, data) {
        this.name = name;
        this.data = data;
        this.view = viewOf(data);
        this.lastDst = data;
        this.lastDstView = this.view;
        if (data.byteLength === 0)
            throw new PcapError(name, 0, 0, 'block_type', 'file is empty', 'block');
        if (data.byteLength < 4 || this.view.getUint32(0, true) !== BT_SHB) {
            throw new PcapError(name, 0, 0, 'block_type', 'file does not start with a Section Header Block (0x0a0d0d0a)', 'block');
        }
        // Read the first SHB now so a bad header fails at open time.
        this.readBlock();
    }
    /** Back to the first block. */
    rewind() {
        this.pos = 0;
        this.record = -1;
        this.readBlock();
    }
    /** Advance to the next packet without copying; returns captured length or -1 at EOF. */
    skip() {
        for (;;) {
            const t = this.readBlock();
            if (t < 0)
                return -1;
            if (t === BT_EPB || t === BT_SPB)
                return this.capLen;
        }
    }
    /** Copy the next packet into dst; see the module header. */
    next(dst, dstOff, maxLen) {
        const incl = this.skip();
        if (incl < 0)
            return -1;
        let len = incl;
        if (len > maxLen) {
            len = maxLen;
            this.truncated++;
        }
        if (len > dst.length - dstOff)
            len = dst.length - dstOff;
        if (len <= 0)
            return 0;
        if (dst !== this.lastDst) {
            this.lastDst = dst;
            this.lastDstView = viewOf(dst);
        }
        // TRUST: dataOff + capLen ≤ block end ≤ data.byteLength, checked in readEpb/readSpb.
        copyBytes(this.data, this.view, this.dataOff, dst, this.lastDstView, dstOff, len);
        return len;
    }
    /** Read one block at pos; returns its type, or -1 at clean end of file. */
    readBlock() {
        const p = this.pos;
        const n = this.data.byteLength;
        if (p === n)
            return -1;
        const blk = this.record + 1;
        const v = this.view;
        if (n - p < 12)
            throw this.err(blk, p, 'block_total_length', `block header truncated: ${n - p} bytes left, need at least 12`);
        let type = v.getUint32(p, this.littleEndian);
        if (type === BT_SHB) {
            const m = v.getUint32(p + 8, true);
            if (m === BYTE_ORDER_MAGIC)
                this.littleEndian = true;
            else if (m === BYTE_ORDER_MAGIC_SWAPPED)
                this.littleEndian = false;
            else
                throw this.err(blk, p + 8, 'byte_order_magic', `byte_order_magic 0x${hex8(v.getUint32(p + 8, false))} is not 0x1a2b3c4d in either byte order`);
        }
        const le = this.littleEndian;
        type = v.getUint32(p, le);
        const len = v.getUint32(p + 4, le);
        if (len < 12 || (len & 3) !== 0)
            throw this.err(blk, p, 'block_total_length', `block_total_length ${len} is not a multiple of 4 that is at least 12`);
        if (len > n - p)
            throw this.err(blk, p, 'block_total_length', `block truncated: block_total_length ${len} but ${n - p} bytes left`);
        const trailing = v.getUint32(p + len - 4, le);
        if (trailing !== len)
            throw this.err(blk, p + len - 4, 'block_total_length', `trailing block_total_length ${trailing} differs from leading ${len}`);
        this.record = blk;
        this.recordOffset = p;
        this.pos = p + len;
        if (type === BT_EPB)
            this.readEpb(blk, p, len);
        else if (type === BT_SPB)
            this.readSpb(blk, p, len);
        else if (type === BT_SHB)
            this.readShb(blk, p, len);
        else if (type === BT_IDB)
            this.readIdb(blk, p, len);
        else if (type === BT_ISB)
            this.readIsb(blk, p, len);
        return type;
    }
    readEpb(blk, p, len) {
        const v = this.view;
        const le = this.littleEndian;
        if (len < 32)
            throw this.err(blk, p, 'block_total_length', `EPB block_total_length ${len} is below the 32-byte minimum`);
        const ifId = v.getUint32(p + 8, le);
        if (ifId >= this.ifCount)
            throw this.err(blk, p + 8, 'interface_id', `interface_id ${ifId} has no Interface Description Block (${this.ifCount} in this section)`);
        const hi = v.getUint32(p + 12, le);
        const lo = v.getUint32(p + 16, le);
        const cap = v.getUint32(p + 20, le);
        const orig = v.getUint32(p + 24, le);
        if (cap > len - 32)
            throw this.err(blk, p + 20, 'captured_packet_length', `captured_packet_length ${cap} overruns the block (${len - 32} bytes of body)`);
        if (cap > MAX_SNAPLEN)
            throw this.err(blk, p + 20, 'captured_packet_length', `captured_packet_length ${cap} exceeds the maximum ${MAX_SNAPLEN}`);
        const snap = this.ifSnaplen[ifId];
        if (snap !== 0 && cap > snap)
            throw this.err(blk, p + 20, 'captured_packet_length', `captured_packet_length ${cap} exceeds snaplen ${snap}`);
        if (cap > orig)
            throw this.err(blk, p + 20, 'captured_packet_length', `captured_packet_length ${cap} exceeds original_packet_length ${orig}`);
        let flags = 0;
        let drops = 0;
        let o = p + 28 + pad4(cap);
        const end = p + len - 4;
        // TRUST: every option is bounds-checked against `end` before its value is read.
        while (o < end) {
            if (end - o < 4)
                throw this.err(blk, o, 'option_length', `option header truncated: ${end - o} bytes left in the block`);
            const code = v.getUint16(o, le);
            const olen = v.getUint16(o + 2, le);
            if (code === OPT_ENDOFOPT)
                break;
            if (pad4(olen) > end - o - 4)
                throw this.err(blk, o, 'option_length', `option ${code} length ${olen} overruns the block`);
            if (code === EPB_FLAGS) {
                if (olen !== 4)
                    throw this.err(blk, o, 'epb_flags', `epb_flags length ${olen} is not 4`);
                flags = v.getUint32(o + 4, le);
            }
            else if (code === EPB_DROPCOUNT) {
                if (olen !== 8)
                    throw this.err(blk, o, 'epb_dropcount', `epb_dropcount length ${olen} is not 8`);
                drops = readU64(v, o + 4, le);
            }
            o += 4 + pad4(olen);
        }
        this.ifIndex = ifId;
        this.capLen = cap;
        this.origLen = orig;
        this.dataOff = p + 28;
        this.epbFlags = flags;
        this.dropCount = drops;
        this.setTs(ifId, hi, lo);
    }
    readSpb(blk, p, len) {
        if (len < 16)
            throw this.err(blk, p, 'block_total_length', `SPB block_total_length ${len} is below the 16-byte minimum`);
        if (this.ifCount === 0)
            throw this.err(blk, p, 'interface_id', 'Simple Packet Block before any Interface Description Block');
        const orig = this.view.getUint32(p + 8, this.littleEndian);
        // Captured length = min(original length, snaplen of interface 0, room in the block).
        let cap = orig;
        const snap = this.ifSnaplen[0];
        if (snap !== 0 && cap > snap)
            cap = snap;
        if (cap > len - 16)
            cap = len - 16;
        if (cap > MAX_SNAPLEN)
            throw this.err(blk, p + 8, 'original_packet_length', `SPB packet of ${cap} bytes exceeds the maximum ${MAX_SNAPLEN}`);
        this.ifIndex = 0;
        this.capLen = cap;
        this.origLen = orig;
        this.dataOff = p + 12;
        this.epbFlags = 0;
        this.dropCount = 0;
        this.tsNs = 0;
        this.tsSec = 0;
        this.tsNsec = 0;
    }
    readShb(blk, p, len) {
        if (len < 28)
            throw this.err(blk, p, 'block_total_length', `SHB block_total_length ${len} is below the 28-byte minimum`);
        const v = this.view;
        const major = v.getUint16(p + 12, this.littleEndian);
        const minor = v.getUint16(p + 14, this.littleEndian);
        if (major !== 1)
            throw this.err(blk, p + 12, 'major_version', `version ${major}.${minor} is not supported (expected 1.x)`);
        this.sections++;
        this.ifCount = 0;
        this.ifName.length = 0;
        this.ifDescription.length = 0;
        // Per-interface table entries are (re)set when each IDB is read, so no O(tables) reset here:
        // a file of many tiny SHBs must not cost 4096 writes each.
        this.shbHardware = '';
        this.shbOs = '';
        this.shbUserappl = '';
        this.shbComments = [];
        this.forEachOption(blk, p + 24, p + len - 4, (code, o, olen) => {
            if (code === SHB_HARDWARE)
                this.shbHardware = this.str(o, olen);
            else if (code === SHB_OS)
                this.shbOs = this.str(o, olen);
            else if (code === SHB_USERAPPL)
                this.shbUserappl = this.str(o, olen);
            else if (code === OPT_COMMENT)
                this.shbComments.push(this.str(o, olen));
        });
    }
    readIdb(blk, p, len) {
        if (len < 20)
            throw this.err(blk, p, 'block_total_length', `IDB block_total_length ${len} is below the 20-byte minimum`);
        const v = this.view;
        const le = this.littleEndian;
        const id = this.ifCount;
        if (id >= MAX_READ_INTERFACES)
            throw this.err(blk, p, 'interface_id', `more than ${MAX_READ_INTERFACES} interfaces in one section`);
        const lt = v.getUint16(p + 8, le);
        if (lt !== LINKTYPE_ETHERNET)
            throw this.err(blk, p + 8, 'linktype', `linktype ${lt} (${linktypeName(lt)}) of interface ${id} is not supported; only LINKTYPE_ETHERNET (1)`);
        const snap = v.getUint32(p + 12, le);
        if (snap > MAX_SNAPLEN)
            throw this.err(blk, p + 12, 'snaplen', `snaplen ${snap} exceeds the maximum ${MAX_SNAPLEN}`);
        let name = '';
        let desc = '';
        let tsresol = 6;
        let tsoffset = 0;
        this.forEachOption(blk, p + 16, p + len - 4, (code, o, olen) => {
            if (code === IF_NAME)
                name = this.str(o, olen);
            else if (code === IF_DESCRIPTION)
                desc = this.str(o, olen);
            else if (code === IF_TSRESOL) {
                if (olen !== 1)
                    throw this.err(blk, o - 4, 'if_tsresol', `if_tsresol length ${olen} is not 1`);
                tsresol = this.data[o];
                // Supported: 10^-0..10^-9 and 2^-0..2^-30 (finer base-10 units would overflow doubles).
                if ((tsresol & 0x80) === 0 ? tsresol > 9 : (tsresol & 0x7f) > 30) {
                    throw this.err(blk, o - 4, 'if_tsresol', `if_tsresol 0x${tsresol.toString(16)} is not supported (10^-0..10^-9 or 2^-0..2^-30)`);
                }
            }
            else if (code === IF_TSOFFSET) {
                if (olen !== 8)
                    throw this.err(blk, o - 4, 'if_tsoffset', `if_tsoffset length ${olen} is not 8`);
                const lo = v.getUint32(o + (le ? 0 : 4), le);
                const hi = v.getInt32(o + (le ? 4 : 0), le);
                tsoffset = hi * 4294967296 + lo;
            }
        });
        this.ifLinktype[id] = lt;
        this.ifSnaplen[id] = snap;
        this.ifTsresol[id] = tsresol;
        this.ifTsoffset[id] = tsoffset;
        this.isbIfRecv[id] = -1;
        this.isbIfDrop[id] = -1;
        this.ifName.push(name);
        this.ifDescription.push(desc);
        this.ifCount = id + 1;
    }
    readIsb(blk, p, len) {
        if (len < 24)
            throw this.err(blk, p, 'block_total_length', `ISB block_total_length ${len} is below the 24-byte minimum`);
        const v = this.view;
        const le = this.littleEndian;
        const ifId = v.getUint32(p + 8, le);
        if (ifId >= this.ifCount)
            throw this.err(blk, p + 8, 'interface_id', `interface_id ${ifId} has no Interface Description Block (${this.ifCount} in this section)`);
        this.forEachOption(blk, p + 20, p + len - 4, (code, o, olen) => {
            if (code === ISB_IFRECV || code === ISB_IFDROP) {
                if (olen !== 8)
                    throw this.err(blk, o - 4, code === ISB_IFRECV ? 'isb_ifrecv' : 'isb_ifdrop', `option ${code} length ${olen} is not 8`);
                if (code === ISB_IFRECV)
                    this.isbIfRecv[ifId] = readU64(v, o, le);
                else
                    this.isbIfDrop[ifId] = readU64(v, o, le);
            }
        });
    }
    /** Walk an option list of a control block (SHB/IDB/ISB; allocates a closure, not per packet). */
    forEachOption(blk, start, end, fn) {
        const v = this.view;
        const le = this.littleEndian;
        let o = start;
        while (o < end) {
            if (end - o < 4)
                throw this.err(blk, o, 'option_length', `option header truncated: ${end - o} bytes left in the block`);
            const code = v.getUint16(o, le);
            const olen = v.getUint16(o + 2, le);
            if (code === OPT_ENDOFOPT)
                return;
            if (pad4(olen) > end - o - 4)
                throw this.err(blk, o, 'option_length', `option ${code} length ${olen} overruns the block`);
            fn(code, o + 4, olen);
            o += 4 + pad4(olen);
        }
    }
    /** Timestamp units (hi, lo) of interface ifId → tsSec, tsNsec, tsNs. */
    setTs(ifId, hi, lo) {
        const r = this.ifTsresol[ifId];
        let sec;
        let nsec;
        if ((r & 0x80) === 0) {
            // Long division of hi:lo by 10^r in 16-bit digits keeps every step below 2^53.
            const d = POW10[r];
            let cur = hi >>> 16;
            let qd = Math.floor(cur / d);
            let q = qd;
            let rem = cur - qd * d;
            cur = rem * 65536 + (hi & 0xffff);
            qd = Math.floor(cur / d);
            q = q * 65536 + qd;
            rem = cur - qd * d;
            cur = rem * 65536 + (lo >>> 16);
            qd = Math.floor(cur / d);
            q = q * 65536 + qd;
            rem = cur - qd * d;
            cur = rem * 65536 + (lo & 0xffff);
            qd = Math.floor(cur / d);
            q = q * 65536 + qd;
            rem = cur - qd * d;
            sec = q;
            nsec = rem * POW10[9 - r];
        }
        else {
            const k = r & 0x7f; // 2^-k, k ≤ 30
            const scale = POW2[k];
            const loQ = Math.floor(lo / scale);
            sec = hi * (4294967296 / scale) + loQ;
            nsec = Math.floor(((lo - loQ * scale) * 1e9) / scale);
        }
        sec += this.ifTsoffset[ifId];
        this.tsSec = sec;
        this.tsNsec = nsec;
        this.tsNs = sec * 1e9 + nsec;
    }
    str(o, len) {
        // Strings are not necessarily NUL-terminated, but a NUL ends them (options section).
        let end = o;
        const stop = o + len;
        while (end < stop && this.data[end] !== 0)
            end++;
        return Buffer.from(this.data.buffer, this.data.byteOffset + o, end - o).toString('utf8');
    }
    err(blk, off, field, detail) {
        return new PcapError(this.name, blk, off, field, detail, 'block');
    }
}
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const POW2 = [];
for (let i = 0; i <= 30; i++)
    POW2.push(2 ** i);
/** Read a u64 in the section's byte order as a double (exact below 2^53). */
function readU64(v, o, le) {
    const a = v.getUint32(o, le);
    const b = v.getUint32(o + 4, le);
    return le ? b * 4294967296 + a : a * 4294967296 + b;
}
//# sourceMappingURL=pcapng-reader.js.map