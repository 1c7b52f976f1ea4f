/**
 * Shared memory regions: hugetlbfs-backed when a hugetlbfs mount has enough free pages,
 * else memfd (with a one-line notice). A region is an fd plus a MAP_SHARED mapping exposed
 * as an ArrayBuffer; the fd can be passed to a peer (SCM_RIGHTS) or to a worker thread,
 * which maps it again with `mapFd` (views are per isolate and must never be posted).
 */
import { readFileSync, existsSync } from 'node:fs';
import { fn, k, errno } from './libc.js';
import { SysError } from './errors.js';
const PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;
const MFD_CLOEXEC = 1;
const O_RDWR = 2, O_CREAT = 0o100, O_CLOEXEC = 0o2000000;
/** A mapping of (part of) an fd. `unmap()` is idempotent; views made from `buffer` must not be used after it. */
export class MappedRegion {
    ptr;
    size;
    buffer;
    mapped = true;
    constructor(ptr, size, buffer) {
        this.ptr = ptr;
        this.size = size;
        this.buffer = buffer;
    }
    /** Address of the mapping (control path; e.g. for vhost-user `userspace_addr`). */
    get address() { return k.address(this.ptr); }
    unmap() {
        if (!this.mapped)
            return;
        this.mapped = false;
        if (fn.munmap(this.ptr, this.size) !== 0)
            throw new SysError('munmap', errno());
    }
    /** Lock the pages in RAM where permitted (RLIMIT_MEMLOCK/CAP_IPC_LOCK); returns whether it worked. */
    lock() { return fn.mlock(this.ptr, this.size) === 0; }
}
/** Map `size` bytes of `fd` at `offset` read-write (or read-only), MAP_SHARED. */
export function mapFd(fd, size, offset = 0, writable = true) {
    if (!Number.isSafeInteger(size) || size <= 0)
        throw new RangeError(`mapFd: bad size ${size}`);
    if (!Number.isSafeInteger(offset) || offset < 0)
        throw new RangeError(`mapFd: bad offset ${offset}`);
    const ptr = fn.mmap(null, size, writable ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, fd, offset);
    // MAP_FAILED is (void *)-1
    if (ptr === null || k.address(ptr) === 0xffffffffffffffffn) {
        throw new SysError('mmap', errno(), `fd ${fd} size ${size} offset ${offset}`);
    }
    return new MappedRegion(ptr, size, k.view(ptr, size));
}
/** A region this process created: owns its fd and its mapping. */
export class SharedRegion {
    fd;
    size;
    backing;
    mapping;
    pageSize;
    constructor(fd, size, backing, mapping, pageSize) {
        this.fd = fd;
        this.size = size;
        this.backing = backing;
        this.mapping = mapping;
        this.pageSize = pageSize;
    }
    get buffer() { return this.mapping.buffer; }
    close() {
        this.mapping.unmap();
        if (this.fd >= 0)
            fn.close(this.fd);
        this.fd = -1;
    }
}
/** hugetlbfs mounts from /proc/mounts with their page size. */
export function hugetlbfsMounts(procRoot = '/proc') {
    let text = '';
    try {
        text = readFileSync(`${procRoot}/mounts`, 'utf8');
    }
    catch {
        return [];
    }
    const out = [];
    for (const line of text.split('\n')) {
        const f = line.split(' ');
        if (f[2] !== 'hugetlbfs' || f[1] === undefined)
            continue;
        const m = /pagesize=(\d+)([KMG])/i.exec(f[3] ?? '');
        const unit = m ? { K: 1 << 10, M: 1 << 20, G: 1 << 30 }[m[2].toUpperCase()] : 2 << 20;
        out.push({ path: f[1].replace(/\\040/g, ' '), pageSize: m ? Number(m[1]) * unit : 2 << 20 });
    }
    return out;
}
function freeHugePages(pageSize) {
    const p = `/sys/kernel/mm/hugepages/hugepages-${pageSize / 1024}kB/free_hugepages`;
    try {
        return Number(readFileSync(p, 'utf8').trim()) || 0;
    }
    catch {
        return 0;
    }
}
let counter = 0;
let noticed = false;
/** Create a shared region of at least `size` bytes (rounded up to the page size). */
export function createSharedRegion(size, name, opts = {}) {
    if (!Number.isSafeInteger(size) || size <= 0)
        throw new RangeError(`createSharedRegion: bad size ${size}`);
    const mode = opts.hugepages ?? process.env.SLUICE_HUGEPAGES ?? 'auto';
    if (mode !== 'never') {
        for (const m of hugetlbfsMounts()) {
            const rounded = Math.ceil(size / m.pageSize) * m.pageSize;
            if (freeHugePages(m.pageSize) * m.pageSize < rounded || !existsSync(m.path))
                continue;
            const path = `${m.path}/sluice-${process.pid}-${name.replace(/[^\w.-]/g, '_')}-${counter++}`;
            const fd = fn.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600);
            if (fd < 0)
                continue;
            fn.unlink(path); // the fd keeps the pages; nothing is left behind on a crash
            if (fn.ftruncate(fd, rounded) !== 0) {
                fn.close(fd);
                continue;
            }
            try {
                return new SharedRegion(fd, rounded, 'hugetlbfs', mapFd(fd, rounded), m.pageSize);
            }
            catch {
                fn.close(fd);
            }
        }
        if (mode === 'require')
            throw new SysError('hugetlbfs', 12, `no hugetlbfs mount with ${size} bytes free`);
    }
    const pageSize = 4096;
    const rounded = Math.ceil(size / pageSize) * pageSize;
    const fd = fn.memfd_create(`sluice-${name}`, MFD_CLOEXEC);
    if (fd < 0)
        throw new SysError('memfd_create', errno(), name);
    if (fn.ftruncate(fd, rounded) !== 0) {
        const e = errno();
        fn.close(fd);
        throw new SysError('ftruncate', e, `memfd ${name} ${rounded} bytes`);
    }
    if (!noticed && !opts.quiet && mode === 'auto') {
        noticed = true;
        console.error('sluice: no free hugepages on a hugetlbfs mount; packet memory uses memfd (4 KiB pages)');
    }
    return new SharedRegion(fd, rounded, 'memfd', mapFd(fd, rounded), pageSize);
}
/** Close an fd, ignoring errors (used on cleanup paths). */
export function closeFd(fd) {
    if (fd >= 0)
        fn.close(fd);
}
/** A second fd for the same open file (as a peer holds one after SCM_RIGHTS). */
export function dupFd(fd) {
    const d = fn.dup(fd);
    if (d < 0)
        throw new SysError('dup', errno(), `fd ${fd}`);
    return d;
}
//# sourceMappingURL=memory.js.map