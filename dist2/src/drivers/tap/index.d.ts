import { TapPort } from './tap.js';
export { TapPort };
