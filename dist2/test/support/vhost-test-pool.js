export class TestPool {
    count;
    static BUF = 10240;
    static HEADROOM = 128;
    data;
    len;
    freeList;
    nfree;
    constructor(count = 1024) {
        this.count = count;
        this.data = new Uint8Array(count * TestPool.BUF);
        this.len = new Uint32Array(count);
        this.freeList = new Uint32Array(count);
        for (let i = 0; i < count; i++)
            this.freeList[i] = count - 1 - i;
        this.nfree = count;
    }
    start(p) {
        return p * TestPool.BUF + TestPool.HEADROOM;
    }
    alloc() {
        return this.nfree === 0 ? -1 : this.freeList[--this.nfree];
    }
    free(p) {
        this.freeList[this.nfree++] = p;
    }
    get available() {
        return this.nfree;
    }
    /** Allocate a packet holding `bytes` (test helper). */
    packet(bytes) {
        const p = this.alloc();
        if (p < 0)
            throw new Error('test pool empty');
        this.data.set(bytes, this.start(p));
        this.len[p] = bytes.length;
        return p;
    }
    bytes(p) {
        return this.data.slice(this.start(p), this.start(p) + this.len[p]);
    }
}
//# sourceMappingURL=vhost-test-pool.js.map