import type { TraceInfo } from '../../ctl/trace.js';
export declare function traceText(list: TraceInfo[]): string;
export declare function main(argv: string[]): Promise<number>;
