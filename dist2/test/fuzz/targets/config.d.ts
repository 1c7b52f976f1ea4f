import { type FuzzTarget } from '../harness/target.js';
export declare const target: FuzzTarget;
