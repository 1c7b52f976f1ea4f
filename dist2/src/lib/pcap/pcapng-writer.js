/**
 * PcapngWriter: pcapng writer (draft-ietf-opsawg-pcapng), little-endian, one section.
 *
 * Layout written: SHB (shb_hardware, shb_os, shb_userappl, opt_comment*), one IDB per
 * interface (LINKTYPE_ETHERNET, snaplen, if_name, if_description, if_tsresol = 9, opt_comment*),
 * then EPBs (interface id, 64-bit ns timestamp, captured/original length, packet data padded
 * to 32 bits, optional epb_flags and epb_dropcount), and at close() one ISB per interface
 * (isb_endtime, isb_ifrecv, isb_ifdrop). Every option list ends with opt_endofopt; all padding
 * is zero.
 *
 * Contract
 *   PcapngWriter.create(path, opts) / fromFd(fd, opts)   control path, as PcapWriter.
 *   addInterface(spec) → ifIndex                         control path; IDBs may follow EPBs.
 *   write(ifIndex, buf, off, len, tsNs, flags?, origLen?) data path: one EPB. `flags` is the
 *        epb_flags word (EPB_FLAG_INBOUND / EPB_FLAG_OUTBOUND in bits 0-1; 0 = no option).
 *        Returns 1 if written, 0 if dropped (unknown ifIndex or bad range → `badArgs`, failed
 *        fd → `writeErrors`); never throws; allocates nothing.
 *   writeExact(ifIndex, buf, off, len, tsSec, tsNsec, flags?, origLen?)  exact timestamp.
 *   noteDrops(ifIndex, n)   packets the port lost before the next one: emitted as
 *                           epb_dropcount on that interface's next EPB and added to isb_ifdrop.
 *   setInterfaceStats(ifIndex, ifRecv, ifDrop)  override the ISB counters (default: ifrecv =
 *                           packets written + noted drops, ifdrop = noted drops).
 *   flush(), close()        as PcapWriter; close() writes the ISBs first.
 */
import { closeSync, openSync, constants as fsc } from 'node:fs';
import { OutSink, DEFAULT_BUFFER_BYTES } from './out-sink.js';
import { copyBytes, viewOf } from './copy.js';
import { BT_EPB, BT_IDB, BT_ISB, BT_SHB, BYTE_ORDER_MAGIC, EPB_DROPCOUNT, EPB_FLAGS, IF_DESCRIPTION, IF_NAME, IF_TSRESOL, ISB_ENDTIME, ISB_IFDROP, ISB_IFRECV, LINKTYPE_ETHERNET, MAX_SNAPLEN, OPT_COMMENT, SHB_HARDWARE, SHB_OS, SHB_USERAPPL, pad4, } from './format.js';
/** Upper bound on interfaces in one file (bounds the per-interface arrays). */
export const MAX_INTERFACES = 4096;
const EPB_FIXED = 32; // type, length, if id, ts high, ts low, cap len, orig len, trailing length
const EPB_FLAGS_OPT = 8; // code, length, u32
const EPB_DROP_OPT = 12; // code, length, u64
const ENDOFOPT = 4;
/** Byte length of one option TLV carrying `n` value bytes (header + padded value). */
function optLen(n) {
    return 4 + pad4(n);
}
/** pcapng writer; see the module header. */
export class PcapngWriter {
    sink;
    /** Interfaces described so far. */
    ifCount = 0;
    /** EPBs written. */
    packets = 0;
    truncated = 0;
    badArgs = 0;
    writeErrors = 0;
    ifSnaplen = new Uint32Array(MAX_INTERFACES);
    ifPackets = new Float64Array(MAX_INTERFACES);
    ifDrops = new Float64Array(MAX_INTERFACES);
    ifPendingDrops = new Float64Array(MAX_INTERFACES);
    ifRecvOverride = new Float64Array(MAX_INTERFACES).fill(-1);
    ifDropOverride = new Float64Array(MAX_INTERFACES).fill(-1);
    enc = new TextEncoder();
    lastSrc;
    lastSrcView;
    lastTsSec = 0;
    lastTsNsec = 0;
    /** Create/truncate `path` and write the SHB and IDBs. Control path. */
    static create(path, opts = {}) {
        // 'w' without following a symlink in the last component (the daemon checks the rest).
        const fd = openSync(path, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_TRUNC | fsc.O_NOFOLLOW, 0o666);
        try {
            return new PcapngWriter(fd, true, opts.label ?? path, opts);
        }
        catch (e) {
            closeSync(fd); // bad options: do not leak the fd
            throw e;
        }
    }
    /** Write to an existing fd (pipe, FIFO, file). Control path. */
    static fromFd(fd, opts = {}) {
        return new PcapngWriter(fd, opts.ownsFd ?? false, opts.label ?? `fd ${fd}`, opts);
    }
    constructor(fd, ownsFd, label, opts) {
        this.sink = new OutSink(fd, ownsFd, label, opts.bufferBytes ?? DEFAULT_BUFFER_BYTES);
        this.lastSrc = this.sink.buf;
        this.lastSrcView = this.sink.view;
        const opt = [];
        if (opts.hardware !== undefined)
            opt.push([SHB_HARDWARE, this.str(opts.hardware, 'shb_hardware')]);
        if (opts.os !== undefined)
            opt.push([SHB_OS, this.str(opts.os, 'shb_os')]);
        opt.push([SHB_USERAPPL, this.str(opts.userappl ?? 'Sluice', 'shb_userappl')]);
        for (const c of opts.comments ?? [])
            opt.push([OPT_COMMENT, this.str(c, 'opt_comment')]);
        // Body: byte-order magic, major 1, minor 0, section length -1 (unknown; we stream).
        const fixed = new Uint8Array(16);
        const fv = new DataView(fixed.buffer);
        fv.setUint32(0, BYTE_ORDER_MAGIC, true);
        fv.setUint16(4, 1, true);
        fv.setUint16(6, 0, true);
        fv.setInt32(8, -1, true);
        fv.setInt32(12, -1, true);
        this.block(BT_SHB, fixed, opt);
        for (const itf of opts.interfaces ?? [])
            this.addInterface(itf);
    }
    /** Describe one more interface (writes an IDB). Returns its interface id. Control path. */
    addInterface(itf) {
        if (this.ifCount >= MAX_INTERFACES)
            throw new RangeError(`${this.sink.label}: more than ${MAX_INTERFACES} interfaces`);
        const snaplen = itf.snaplen ?? MAX_SNAPLEN;
        if (!Number.isInteger(snaplen) || snaplen < 1 || snaplen > MAX_SNAPLEN) {
            throw new RangeError(`${this.sink.label}: interface ${itf.name}: snaplen ${snaplen} is outside 1..${MAX_SNAPLEN}`);
        }
        const opt = [];
        opt.push([IF_NAME, this.str(itf.name, 'if_name')]);
        if (itf.description !== undefined)
            opt.push([IF_DESCRIPTION, this.str(itf.description, 'if_description')]);
        opt.push([IF_TSRESOL, Uint8Array.of(9)]); // 10^-9 s: nanoseconds
        for (const c of itf.comments ?? [])
            opt.push([OPT_COMMENT, this.str(c, 'opt_comment')]);
        const fixed = new Uint8Array(8);
        const fv = new DataView(fixed.buffer);
        fv.setUint16(0, LINKTYPE_ETHERNET, true);
        fv.setUint16(2, 0, true); // reserved
        fv.setUint32(4, snaplen, true);
        this.block(BT_IDB, fixed, opt);
        const id = this.ifCount++;
        this.ifSnaplen[id] = snaplen;
        return id;
    }
    /** Count `n` packets lost on `ifIndex` before its next EPB. */
    noteDrops(ifIndex, n) {
        if (!(ifIndex >= 0 && ifIndex < this.ifCount && n > 0))
            return;
        this.ifPendingDrops[ifIndex] += n;
        this.ifDrops[ifIndex] += n;
    }
    /** Override the counters written in this interface's ISB at close(). */
    setInterfaceStats(ifIndex, ifRecv, ifDrop) {
        if (!(ifIndex >= 0 && ifIndex < this.ifCount))
            throw new RangeError(`${this.sink.label}: no interface ${ifIndex}`);
        this.ifRecvOverride[ifIndex] = ifRecv;
        this.ifDropOverride[ifIndex] = ifDrop;
    }
    /** Append one EPB with a timestamp in ns since the epoch. */
    write(ifIndex, buf, off, len, tsNs, flags = 0, origLen = 0) {
        let sec = Math.floor(tsNs / 1e9);
        let nsec = tsNs - sec * 1e9; // exact, see PcapWriter.write
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
        }
        return this.writeExact(ifIndex, buf, off, len, sec, nsec, flags, origLen);
    }
    /** Append one EPB with an exact seconds + nanoseconds timestamp. */
    writeExact(ifIndex, buf, off, len, tsSec, tsNsec, flags = 0, origLen = 0) {
        if (!(ifIndex >= 0 && ifIndex < this.ifCount && off >= 0 && len >= 0 && off + len <= buf.length)) {
            this.badArgs++;
            return 0;
        }
        let sec = tsSec;
        let nsec = Math.floor(tsNsec);
        if (!(nsec >= 0 && nsec < 1e9))
            nsec = 0;
        if (!(sec >= 0 && sec <= 0xffffffff))
            sec = 0; // outside u32 seconds: clamp to the epoch
        let incl = len;
        const snap = this.ifSnaplen[ifIndex];
        if (incl > snap) {
            incl = snap;
            this.truncated++;
        }
        let orig = origLen > len ? origLen : len;
        if (orig > 0xffffffff)
            orig = 0xffffffff;
        const drops = this.ifPendingDrops[ifIndex];
        const padded = pad4(incl);
        const total = EPB_FIXED + padded + ((flags !== 0 || drops > 0) ? ENDOFOPT : 0)
            + (flags !== 0 ? EPB_FLAGS_OPT : 0) + (drops > 0 ? EPB_DROP_OPT : 0);
        const o = this.sink.reserve(total);
        if (o < 0) {
            this.writeErrors++;
            return 0;
        }
        const v = this.sink.view;
        v.setUint32(o, BT_EPB, true);
        v.setUint32(o + 4, total, true);
        v.setUint32(o + 8, ifIndex, true);
        this.putTs(o + 12, sec, nsec);
        v.setUint32(o + 20, incl, true);
        v.setUint32(o + 24, orig, true);
        if (buf !== this.lastSrc) {
            this.lastSrc = buf;
            this.lastSrcView = viewOf(buf);
        }
        const d = o + 28;
        copyBytes(buf, this.lastSrcView, off, this.sink.buf, v, d, incl);
        for (let i = incl; i < padded; i++)
            this.sink.buf[d + i] = 0;
        let p = d + padded;
        if (flags !== 0) {
            v.setUint16(p, EPB_FLAGS, true);
            v.setUint16(p + 2, 4, true);
            v.setUint32(p + 4, flags >>> 0, true);
            p += EPB_FLAGS_OPT;
        }
        if (drops > 0) {
            v.setUint16(p, EPB_DROPCOUNT, true);
            v.setUint16(p + 2, 8, true);
            putU64(v, p + 4, drops);
            p += EPB_DROP_OPT;
            this.ifPendingDrops[ifIndex] = 0;
        }
        if (p !== d + padded) {
            v.setUint32(p, 0, true);
            p += ENDOFOPT;
        } // opt_endofopt
        v.setUint32(p, total, true);
        this.sink.commit(total);
        this.ifPackets[ifIndex]++;
        this.packets++;
        this.lastTsSec = sec;
        this.lastTsNsec = nsec;
        return 1;
    }
    /** Push buffered blocks to the fd. Never throws; see sink.error. */
    flush() {
        this.sink.flush();
    }
    /**
     * Write one ISB per interface (timestamp and isb_endtime = the last packet's time), flush,
     * close an owned fd. Throws the first I/O error, if any. Idempotent.
     */
    close() {
        if (this.sink.closed)
            return;
        for (let i = 0; i < this.ifCount; i++) {
            const recv = this.ifRecvOverride[i] >= 0 ? this.ifRecvOverride[i] : this.ifPackets[i] + this.ifDrops[i];
            const drop = this.ifDropOverride[i] >= 0 ? this.ifDropOverride[i] : this.ifDrops[i];
            const fixed = new Uint8Array(12);
            const fv = new DataView(fixed.buffer);
            fv.setUint32(0, i, true);
            const end = new Uint8Array(8);
            const ev = new DataView(end.buffer);
            const ns = tsUnits(this.lastTsSec, this.lastTsNsec);
            fv.setUint32(4, ns.hi, true);
            fv.setUint32(8, ns.lo, true);
            ev.setUint32(0, ns.hi, true);
            ev.setUint32(4, ns.lo, true);
            this.block(BT_ISB, fixed, [[ISB_ENDTIME, end], [ISB_IFRECV, u64Bytes(recv)], [ISB_IFDROP, u64Bytes(drop)]]);
        }
        this.sink.close();
    }
    /** Timestamp (high, low) words for tsresol 9: units = sec * 1e9 + nsec, exact. */
    putTs(o, sec, nsec) {
        // sec < 2^32 and nsec < 1e9 < 2^30: split sec*1e9 + nsec into 32-bit halves without
        // leaving exact double range. sec * 1e9 = secHi * 2^16 * 1e9 + secLo * 1e9.
        const secHi = Math.floor(sec / 65536);
        const secLo = sec - secHi * 65536;
        const lowPart = secLo * 1e9 + nsec; // < 2^46, exact
        const hiPart = secHi * 1e9; // units of 2^16, < 2^46, exact
        // total = hiPart * 2^16 + lowPart
        const lowHi = Math.floor(lowPart / 4294967296);
        const lowLo = lowPart - lowHi * 4294967296;
        const hpHi = Math.floor(hiPart / 65536); // hiPart * 2^16 / 2^32
        const hpLo = (hiPart - hpHi * 65536) * 65536; // < 2^32
        let lo = lowLo + hpLo;
        let hi = lowHi + hpHi;
        if (lo >= 4294967296) {
            lo -= 4294967296;
            hi += 1;
        }
        const v = this.sink.view;
        v.setUint32(o, hi >>> 0, true);
        v.setUint32(o + 4, lo, true);
    }
    /** Append a whole control block (SHB/IDB/ISB) with options. Control path; allocates. */
    block(type, fixed, opts) {
        let optBytes = 0;
        for (const [, val] of opts)
            optBytes += optLen(val.length);
        if (opts.length > 0)
            optBytes += ENDOFOPT;
        const total = 8 + fixed.length + optBytes + 4;
        const o = this.sink.reserve(total);
        if (o < 0)
            return; // failed fd: close() reports it
        const v = this.sink.view;
        const b = this.sink.buf;
        v.setUint32(o, type, true);
        v.setUint32(o + 4, total, true);
        b.set(fixed, o + 8);
        let p = o + 8 + fixed.length;
        for (const [code, val] of opts) {
            v.setUint16(p, code, true);
            v.setUint16(p + 2, val.length, true);
            b.set(val, p + 4);
            b.fill(0, p + 4 + val.length, p + optLen(val.length));
            p += optLen(val.length);
        }
        if (opts.length > 0) {
            v.setUint32(p, 0, true);
            p += ENDOFOPT;
        }
        v.setUint32(p, total, true);
        this.sink.commit(total);
    }
    /** UTF-8 bytes of an option string, checked against the 16-bit option length. */
    str(s, field) {
        const b = this.enc.encode(s);
        if (b.length > 65535)
            throw new RangeError(`${this.sink.label}: ${field} is ${b.length} bytes, over the 65535-byte option limit`);
        return b;
    }
}
/** Write a non-negative integer (< 2^53) as a little-endian u64. */
function putU64(v, o, n) {
    const hi = Math.floor(n / 4294967296);
    v.setUint32(o, n - hi * 4294967296, true);
    v.setUint32(o + 4, hi, true);
}
function u64Bytes(n) {
    const b = new Uint8Array(8);
    putU64(new DataView(b.buffer), 0, n < 0 ? 0 : n);
    return b;
}
/** (sec, nsec) → 64-bit ns count as {hi, lo}. Control path (allocates). */
function tsUnits(sec, nsec) {
    const total = BigInt(sec) * 1000000000n + BigInt(Math.floor(nsec));
    return { hi: Number(total >> 32n), lo: Number(total & 0xffffffffn) };
}
//# sourceMappingURL=pcapng-writer.js.map