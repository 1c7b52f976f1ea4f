export declare class LoopWatch {
    private readonly handle;
    private readonly cb;
    private started;
    private closed;
    /** Whether this thread can use LoopWatch. */
    static available(): boolean;
    /** Watch `fd`; `onReadable` runs on this thread each time it is readable while started. */
    constructor(fd: number, onReadable: () => void);
    /** Report readability (level-triggered) until stop(). */
    start(): void;
    stop(): void;
    /** Stop for good; the handle's memory is freed once libuv has closed it. */
    close(): void;
}
