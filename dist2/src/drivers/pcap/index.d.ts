import { PcapPort } from './pcap-port.js';
export { PcapPort };
