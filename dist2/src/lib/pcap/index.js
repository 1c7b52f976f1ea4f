/**
 * Sluice pcap file layer: classic pcap and pcapng readers (for replay ports) and writers
 * (for capture ports). See each module's header for its contract.
 */
export { PcapError } from './pcap-error.js';
export { PcapReader, readWholeFile, DEFAULT_MAX_FILE_BYTES } from './pcap-reader.js';
export { PcapngReader, MAX_READ_INTERFACES } from './pcapng-reader.js';
export { PcapWriter } from './pcap-writer.js';
export { PcapngWriter, MAX_INTERFACES } from './pcapng-writer.js';
export { validate, validateBuffer, isPcapng } from './validate.js';
export { EPB_FLAG_INBOUND, EPB_FLAG_OUTBOUND, LINKTYPE_ETHERNET, MAX_SNAPLEN } from './format.js';
//# sourceMappingURL=index.js.map