/** Pin the calling thread to `cpus`. */
export declare function setThreadAffinity(cpus: readonly number[]): void;
/** CPUs the calling thread may run on. */
export declare function getThreadAffinity(): number[];
/** Linux thread id of the calling thread. */
export declare function threadId(): number;
export declare function cpuCount(): number;
