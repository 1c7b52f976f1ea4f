import { AfPacketPort } from './af-packet.js';
export { AfPacketPort };
