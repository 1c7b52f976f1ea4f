/**
 * `sluice stats --plot FILE`: a self-contained HTML report (inline SVG, no scripts, no
 * network) with line charts of per-port rx/tx packet and bit rates, drop rates by reason
 * and engine busy % over the sampled interval, plus the final counters as a table.
 */
import type { Rates } from './rates.js';
import type { DaemonStats } from './stats.js';
export interface Series {
    name: string;
    points: number[];
}
/** One SVG line chart; x = sample index × interval seconds. */
export declare function svgChart(title: string, unit: string, t: number[], series: Series[]): string;
export declare function htmlReport(samples: Rates[], last: DaemonStats): string;
