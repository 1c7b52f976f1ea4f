import type { DaemonStats } from '../../ctl/stats.js';
import { type Rates } from '../../ctl/rates.js';
export declare function frame(r: Rates, s: DaemonStats): string;
export declare function main(argv: string[]): Promise<number>;
