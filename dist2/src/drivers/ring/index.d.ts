import { RingPort } from './ring-port.js';
export { RingPort };
