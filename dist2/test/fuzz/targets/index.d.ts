/**
 * The fuzz targets by name, loaded lazily: a target's modules must load after the worker
 * starts coverage (coverage.ts), so nothing here imports them statically.
 */
import type { FuzzTarget } from '../harness/target.js';
export declare const TARGET_NAMES: readonly string[];
export declare function loadTarget(name: string): Promise<FuzzTarget>;
