/**
 * Packet filters: capture filters (`--capture PORT:FILE,filter=EXPR`, tcpdump-like with
 * and/or/not and parentheses) and trace filters (`sluice trace add PORT N FILTER`). The
 * first byte picks which; the rest is the filter text. A compiled filter is then run on a
 * few frames (it must not throw on any).
 *
 * Survives: only the parser's FilterError escapes, naming the word it refuses.
 */
import { compileFilter as compileCapture, FilterError as CaptureFilterError } from '../../../src/apps/capture/filter.js';
import { compileFilter as compileTrace, FilterError as TraceFilterError } from '../../../src/ctl/trace-filter.js';
import { buildUdpPacket } from '../../../src/lib/proto/index.js';
import { INTERNAL, bytes, text } from '../harness/target.js';
const udp = (vlan) => buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 53, dstPort: 1000, size: 128, vlan });
const frames = [new Uint8Array(60), udp(), udp(10), Uint8Array.from([0x81, 0, 0, 10])];
function run(data) {
    if (data.length === 0)
        return;
    const t = text(data.subarray(1));
    if ((data[0] & 1) === 0) {
        const f = compileCapture(t);
        for (const fr of frames)
            f.matches(fr, 0, fr.length);
    }
    else {
        const p = compileTrace(t);
        for (const fr of frames)
            p(fr, 0, fr.length);
    }
}
export const target = {
    name: 'capture-filter',
    covers: ['/src/apps/capture/filter', '/src/ctl/trace-filter'],
    maxLen: 512,
    dict: ['and', 'or', 'not', '(', ')', '&&', '||', '!', 'udp', 'tcp', 'icmp', 'icmp6', 'ip', 'ip6', 'arp', 'vlan', 'host', 'net', 'port',
        'src', 'dst', 'ether', 'ether proto', 'len', '<=', '>=', '<', '>', '=', '10.0.0.1', '10.0.0.0/8', '02:00:00:00:00:01', '53', '0x86dd', ' '],
    seeds: () => [
        '\u0000udp and port 53', '\u0000host 10.0.0.1 or (vlan 10 and not icmp)', '\u0000ether src 02:00:00:00:00:01 && len <= 128',
        '\u0000net 10.0.0.0/8 and dst port 80', '\u0001udp and src port 53', '\u0001not icmp and len > 100', '\u0001vlan 10 and host 10.0.0.2',
    ].map(bytes),
    run,
    expected: (e) => {
        if (!(e instanceof CaptureFilterError) && !(e instanceof TraceFilterError))
            return `${String(e)} is not a FilterError`;
        if (!/filter "/.test(e.message))
            return `FilterError does not name the filter: ${e.message}`;
        if (INTERNAL.test(e.message))
            return `wraps an internal error: ${e.message}`;
        return null;
    },
};
//# sourceMappingURL=capture-filter.js.map