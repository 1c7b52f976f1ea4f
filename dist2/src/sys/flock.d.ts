/** Take an exclusive lock on `fd` without waiting: true if taken, false if another holds it. */
export declare function tryLockExclusive(fd: number): boolean;
