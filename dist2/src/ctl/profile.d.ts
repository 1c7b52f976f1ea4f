export interface CpuProfile {
    nodes: unknown[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
}
export declare function recordProfile(seconds: number, intervalUs?: number): Promise<CpuProfile>;
