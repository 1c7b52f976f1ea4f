/**
 * validate(path): walk a whole capture file (classic pcap or pcapng, told apart by the first
 * four bytes) and return its record count and captured bytes, or throw the first PcapError.
 * Used to reject a replay file before a switch starts. Control path.
 */
import { PcapReader, readWholeFile } from './pcap-reader.js';
import { PcapngReader } from './pcapng-reader.js';
/** True if the bytes start with a pcapng Section Header Block. */
export function isPcapng(data) {
    return data.length >= 4 && data[0] === 0x0a && data[1] === 0x0d && data[2] === 0x0d && data[3] === 0x0a;
}
/** Validate bytes already in memory; `name` prefixes error messages. */
export function validateBuffer(name, data) {
    const r = isPcapng(data) ? PcapngReader.fromBuffer(name, data) : PcapReader.fromBuffer(name, data);
    let records = 0;
    let bytes = 0;
    for (let n = r.skip(); n >= 0; n = r.skip()) {
        records++;
        bytes += n;
    }
    return { format: r instanceof PcapngReader ? 'pcapng' : 'pcap', records, bytes };
}
/** Validate a capture file; throws the first PcapError. */
export function validate(path, opts) {
    return validateBuffer(path, readWholeFile(path, opts));
}
//# sourceMappingURL=validate.js.map