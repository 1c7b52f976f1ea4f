type Callback = () => void;
export declare class Poller {
    private readonly epoll;
    private readonly stopFd;
    private readonly callbacks;
    private readonly worker;
    private closed;
    constructor();
    /** Call `onReadable` (on this thread) whenever `fd` has data or hung up. */
    add(fd: number, onReadable: Callback): void;
    /** Stop watching `fd` (call before closing it). */
    remove(fd: number): void;
    close(): void;
}
/** The process-wide poller (created on first use). */
export declare function poller(): Poller;
export {};
