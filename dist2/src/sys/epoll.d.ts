export declare const EPOLLIN = 1, EPOLLOUT = 4, EPOLLERR = 8, EPOLLHUP = 16, EPOLLONESHOT: number;
export declare class Epoll {
    readonly maxEvents: number;
    readonly fd: number;
    private readonly ev;
    private readonly evView;
    private readonly out;
    private readonly outView;
    constructor(maxEvents?: number);
    private ctl;
    /** Watch `fd`; `data` (u32) is reported back by wait (usually the fd itself). */
    add(fd: number, events?: number, data?: number): void;
    modify(fd: number, events?: number, data?: number): void;
    remove(fd: number): void;
    /**
     * Wait up to `timeoutMs` (-1 forever). Fills `outData[i]` with the data words and
     * `outEvents[i]` with event masks; returns the count (0 on timeout or EINTR).
     */
    wait(timeoutMs: number, outData: Uint32Array, outEvents?: Uint32Array): number;
    close(): void;
}
