export { BpfApp, MergeApp, selectProgram, type BpfAppArgs } from './bpf-app.js';
export { applyBpf, parseBpfOption, type BpfHook } from './graph.js';
