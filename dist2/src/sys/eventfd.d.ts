/** Create a non-blocking eventfd. */
export declare function eventfd(initval?: number): number;
/** Add 1 to the counter (ring the bell). Returns false if the fd is invalid/closed. */
export declare function eventfdWrite(fd: number): boolean;
/** Read and reset the counter; 0 when nothing was pending. */
export declare function eventfdRead(fd: number): number;
