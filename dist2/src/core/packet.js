/**
 * Packet memory: `count` fixed-size buffers and their metadata in one shared region, and a
 * pool of free buffers with a per-thread cache (DPDK mempool + VPP buffer indices + Snabb
 * headroom). A packet is a u32 handle `p`; its bytes are `data[start(p) .. start(p)+len[p])`.
 *
 * Region layout (all offsets 64-byte aligned, computed from count and bufSize alone so every
 * thread that maps the region derives the same views):
 *   header (Int32: magic, count, bufSize, doubleFree, allocFail, badFree)
 *   free ring (mpmc, shared by all threads)
 *   len u16[count] | off u16[count] | port u16[count] | flags u16[count] | state u8[count]
 *   data: count × bufSize bytes (buffer p starts at p × bufSize)
 *
 * Ownership: a handle belongs to exactly one thread at a time; it passes between threads
 * only through a Ring (whose Atomics publish the metadata writes made before it).
 * `state[p]` is 1 while allocated, so a double free is caught and counted (always), not
 * silently corrupting the free list. Leaks show as `audit().inUse` after a drained stop.
 */
import { Ring } from './ring.js';
const MAGIC = 0x51ce9001;
const H_MAGIC = 0, H_COUNT = 1, H_BUFSIZE = 2, H_DOUBLE_FREE = 3, H_ALLOC_FAIL = 4, H_BAD_FREE = 5;
const HEADER_BYTES = 64;
/** Per-thread cache: 512 handles, moved to/from the shared ring 256 at a time (written as literals in the hot methods). */
const CACHE_SIZE = 512;
/** Default bytes per buffer: room for a 9,216-byte jumbo frame plus headroom (Snabb uses 10 KiB too). */
export const DEFAULT_BUF_SIZE = 10240;
/** Bytes kept free in front of a fresh packet for pushing headers (VLAN, VXLAN, virtio-net). */
export const HEADROOM = 128;
const align64 = (n) => (n + 63) & ~63;
function layout(count, bufSize) {
    let ringSize = 1;
    while (ringSize < count)
        ringSize <<= 1;
    const ring = HEADER_BYTES;
    const len = align64(ring + Ring.bytesFor(ringSize));
    const off = align64(len + count * 2);
    const port = align64(off + count * 2);
    const flags = align64(port + count * 2);
    const state = align64(flags + count * 2);
    const data = (state + count + 4095) & ~4095;
    return { ringSize, ring, len, off, port, flags, state, data, total: data + count * bufSize };
}
export class PacketPool {
    /** All packet bytes; packet p starts at `start(p)`. */
    data;
    len;
    off;
    port;
    flags;
    state;
    count;
    bufSize;
    /** Largest packet a buffer holds with the default headroom. */
    maxLen;
    header;
    ring;
    cache = new Uint32Array(CACHE_SIZE);
    cacheN = 0;
    debug = process.env.SLUICE_DEBUG === '1';
    /** Bytes a region must have for `count` buffers of `bufSize`. */
    static bytesFor(count, bufSize = DEFAULT_BUF_SIZE) { return layout(count, bufSize).total; }
    /**
     * Build a pool view over `buffer`. With `init`, format the region (once, by its creator);
     * other threads attach to an initialised region with `init = false`.
     */
    constructor(buffer, count, bufSize = DEFAULT_BUF_SIZE, init = true) {
        if (!Number.isInteger(count) || count < 64 || count > 1 << 22)
            throw new RangeError(`pool count must be in [64, 4194304], got ${count}`);
        if (!Number.isInteger(bufSize) || bufSize < 256 || bufSize % 64 !== 0 || bufSize > 65536) {
            throw new RangeError(`pool bufSize must be a multiple of 64 in [256, 65536], got ${bufSize}`);
        }
        const l = layout(count, bufSize);
        if (buffer.byteLength < l.total)
            throw new RangeError(`pool region is ${buffer.byteLength} bytes, needs ${l.total}`);
        this.count = count;
        this.bufSize = bufSize;
        this.maxLen = Math.min(65535, bufSize - HEADROOM);
        this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
        this.ring = new Ring(buffer, l.ring, l.ringSize, 'mpmc', init);
        this.len = new Uint16Array(buffer, l.len, count);
        this.off = new Uint16Array(buffer, l.off, count);
        this.port = new Uint16Array(buffer, l.port, count);
        this.flags = new Uint16Array(buffer, l.flags, count);
        this.state = new Uint8Array(buffer, l.state, count);
        this.data = new Uint8Array(buffer, l.data, count * bufSize);
        if (init) {
            this.header.fill(0);
            this.header[H_COUNT] = count;
            this.header[H_BUFSIZE] = bufSize;
            const all = new Uint32Array(count);
            for (let i = 0; i < count; i++)
                all[i] = count - 1 - i;
            this.ring.enqueueBurst(all, 0, count);
            Atomics.store(this.header, H_MAGIC, MAGIC);
        }
        else if (Atomics.load(this.header, H_MAGIC) !== MAGIC || this.header[H_COUNT] !== count || this.header[H_BUFSIZE] !== bufSize) {
            throw new Error('pool region is not an initialised pool with this count and bufSize');
        }
    }
    /** Byte offset in `data` of packet p's first byte. */
    start(p) { return p * this.bufSize + this.off[p]; }
    /** A fresh packet (len 0, default headroom), or -1 when the pool is empty (counted). */
    alloc() {
        let c = this.cacheN;
        if (c === 0) {
            c = this.ring.dequeueBurst(this.cache, 0, 256 /* CACHE_MOVE */);
            if (c === 0) {
                Atomics.add(this.header, H_ALLOC_FAIL, 1);
                return -1;
            }
        }
        const p = this.cache[--c];
        this.cacheN = c;
        this.state[p] = 1;
        // Literals, not the module constants: TurboFan reads a module `const` through its context
        // cell with a TDZ check and a Smi/HeapNumber test on every use.
        this.off[p] = 128; // HEADROOM
        this.len[p] = 0;
        this.flags[p] = 0;
        return p;
    }
    /**
     * Allocate up to `n` fresh packets into `out[0..)`; returns how many (fewer than `n` only
     * when the pool ran dry, counted once as an allocation failure). Each is as from alloc().
     */
    allocBurst(out, n) {
        const cache = this.cache, state = this.state, off = this.off, len = this.len, flags = this.flags;
        let got = 0;
        while (got < n) {
            let c = this.cacheN;
            if (c < n - got) {
                // Top up before splitting the burst: at most CACHE_MOVE, and never past CACHE_SIZE.
                const room = 512 /* CACHE_SIZE */ - c;
                c += this.ring.dequeueBurst(cache, c, room < 256 ? room : 256);
                if (c === 0) {
                    this.cacheN = 0;
                    Atomics.add(this.header, H_ALLOC_FAIL, 1);
                    break;
                }
            }
            let k = n - got;
            if (k > c)
                k = c;
            const end = got + k;
            // Four at a time: TurboFan re-checks each typed array after every loop back-edge, so
            // one check per four packets instead of per packet (callgrind: see commit message).
            for (; got + 4 <= end; got += 4) {
                const p0 = cache[(c - 1) | 0], p1 = cache[(c - 2) | 0], p2 = cache[(c - 3) | 0], p3 = cache[(c - 4) | 0];
                c = (c - 4) | 0;
                out[got] = p0;
                out[(got + 1) | 0] = p1;
                out[(got + 2) | 0] = p2;
                out[(got + 3) | 0] = p3;
                state[p0] = 1;
                state[p1] = 1;
                state[p2] = 1;
                state[p3] = 1;
                off[p0] = 128;
                off[p1] = 128;
                off[p2] = 128;
                off[p3] = 128; // HEADROOM
                len[p0] = 0;
                len[p1] = 0;
                len[p2] = 0;
                len[p3] = 0;
                flags[p0] = 0;
                flags[p1] = 0;
                flags[p2] = 0;
                flags[p3] = 0;
            }
            for (; got < end; got++) {
                const p = cache[--c];
                out[got] = p;
                state[p] = 1;
                off[p] = 128; // HEADROOM
                len[p] = 0;
                flags[p] = 0;
            }
            this.cacheN = c;
        }
        return got;
    }
    /** Return p to the pool. A handle that is not allocated is counted and ignored. */
    free(p) {
        if (p >>> 0 >= this.count) {
            this.badFree(p);
            return;
        }
        if (this.state[p] !== 1) {
            this.doubleFree(p);
            return;
        }
        this.state[p] = 0;
        let c = this.cacheN;
        // Spill before writing: the cache may be exactly full (freeBurst fills it four at a time).
        if (c === 512 /* CACHE_SIZE */) {
            this.ring.enqueueBurst(this.cache, 512 - 256, 256); // spill CACHE_MOVE to the shared ring
            c = 256;
        }
        this.cache[c++] = p;
        this.cacheN = c;
    }
    /** free() for `handles[0..n)`, with the same checks per handle. */
    freeBurst(handles, n) {
        const cache = this.cache, state = this.state, count = this.count;
        let c = this.cacheN, i = 0;
        // Four at a time when all four are valid and distinct (one typed-array check per four,
        // see allocBurst); any doubt sends the group through the checked loop below.
        for (; i + 4 <= n; i += 4) {
            const p0 = handles[i], p1 = handles[(i + 1) | 0], p2 = handles[(i + 2) | 0], p3 = handles[(i + 3) | 0];
            if (p0 >= count || p1 >= count || p2 >= count || p3 >= count)
                break;
            if (state[p0] !== 1 || state[p1] !== 1 || state[p2] !== 1 || state[p3] !== 1)
                break;
            if (p0 === p1 || p0 === p2 || p0 === p3 || p1 === p2 || p1 === p3 || p2 === p3)
                break;
            state[p0] = 0;
            state[p1] = 0;
            state[p2] = 0;
            state[p3] = 0;
            if (c > 508 /* CACHE_SIZE - 4 */) {
                this.ring.enqueueBurst(cache, c - 256, 256); // spill CACHE_MOVE
                c -= 256;
            }
            cache[c] = p0;
            cache[(c + 1) | 0] = p1;
            cache[(c + 2) | 0] = p2;
            cache[(c + 3) | 0] = p3;
            c = (c + 4) | 0;
        }
        for (; i < n; i++) {
            const p = handles[i];
            if (p >= count) {
                this.badFree(p);
                continue;
            }
            if (state[p] !== 1) {
                this.doubleFree(p);
                continue;
            }
            state[p] = 0;
            if (c === 512 /* CACHE_SIZE */) {
                this.ring.enqueueBurst(cache, 512 - 256, 256);
                c = 256;
            }
            cache[c++] = p;
        }
        this.cacheN = c;
    }
    /** Copy packet p into a new packet; -1 if the pool is empty. */
    clone(p) {
        const q = this.alloc();
        if (q < 0)
            return -1;
        const n = this.len[p];
        const s = this.start(p);
        this.data.copyWithin(q * this.bufSize + HEADROOM, s, s + n);
        this.len[q] = n;
        this.port[q] = this.port[p];
        this.flags[q] = this.flags[p];
        return q;
    }
    /** Give this thread's cached buffers back to the shared ring (at engine stop). */
    flushCache() {
        this.ring.enqueueBurst(this.cache, 0, this.cacheN);
        this.cacheN = 0;
    }
    doubleFree(p) {
        Atomics.add(this.header, H_DOUBLE_FREE, 1);
        if (this.debug)
            console.error(`sluice: double free of packet ${p}\n${new Error().stack}`);
    }
    badFree(p) {
        Atomics.add(this.header, H_BAD_FREE, 1);
        if (this.debug)
            console.error(`sluice: free of invalid handle ${p}\n${new Error().stack}`);
    }
    /** Control path: occupancy and error counters. `inUse` counts buffers held anywhere (apps, links, caches of running threads). */
    audit() {
        const free = this.ring.count();
        return {
            count: this.count,
            free,
            cached: this.cacheN,
            inUse: this.count - free - this.cacheN,
            doubleFree: Atomics.load(this.header, H_DOUBLE_FREE),
            badFree: Atomics.load(this.header, H_BAD_FREE),
            allocFail: Atomics.load(this.header, H_ALLOC_FAIL),
        };
    }
}
//# sourceMappingURL=packet.js.map