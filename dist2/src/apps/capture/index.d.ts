/** Packet capture: the `capture` app, its filter language and the graph transform. */
import './register.js';
export { CaptureApp, type CaptureArgs } from './capture.js';
export { applyCaptures, parseCaptureOption, type CaptureSpec } from './graph.js';
export { compileFilter, CaptureFilter, FilterError } from './filter.js';
export { acquireWriter, releaseWriter, openDestinations } from './writers.js';
