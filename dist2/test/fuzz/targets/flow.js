/**
 * OpenFlow-style flow text (`sluice flow add BR "…"`, `flows:` in the state, ovs-ofctl
 * syntax): one line → parseFlow, and the same text as a del-flows match → parseMatch.
 *
 * Survives: only FlowSyntaxError escapes, quoting the token it refuses.
 */
import { FlowSyntaxError, parseFlow, parseMatch } from '../../../src/apps/flow-table/flow-parser.js';
import { bytes, text } from '../harness/target.js';
import { INTERNAL } from '../harness/target.js';
const PORTS = ['vm1', 'vm2', 'tap0'];
function run(data) {
    const t = text(data);
    try {
        parseFlow(t, PORTS);
    }
    catch (e) {
        check(e);
    }
    parseMatch(t.replace(/(^|[\s,])actions\s*=.*$/is, ''), PORTS);
}
function check(e) {
    if (expected(e) !== null)
        throw e;
}
function expected(e) {
    if (!(e instanceof FlowSyntaxError))
        return `${String(e)} is not a FlowSyntaxError`;
    if (!e.message.includes(`"${e.token}"`) && !e.message.startsWith('flow must') && !e.message.startsWith('match must'))
        return `message does not quote the token "${e.token}": ${e.message}`;
    if (INTERNAL.test(e.message))
        return `wraps an internal error: ${e.message}`;
    return null;
}
export const target = {
    name: 'flow',
    covers: ['/src/apps/flow-table/flow-parser', '/src/lib/proto/addr'],
    maxLen: 512,
    dict: ['priority=', 'table=', 'cookie=', 'in_port=', 'dl_src=', 'dl_dst=', 'dl_type=', 'dl_vlan=', 'dl_vlan_pcp=', 'nw_src=', 'nw_dst=',
        'nw_proto=', 'tp_src=', 'tp_dst=', 'ip', 'ipv6', 'arp', 'tcp', 'udp', 'icmp', 'sctp', 'actions=', 'output:', 'drop', 'normal', 'flood',
        'in_port', 'mod_vlan_vid:', 'strip_vlan', 'goto_table:', 'mod_nw_ttl:', 'dec_ttl', '0x0800', '0xffff', '/255.255.255.0', '/24',
        '02:00:00:00:00:01', 'ff:ff:ff:ff:ff:ff/01:00:00:00:00:00', '10.0.0.1', 'vm1', ',', ' ',
        'arp_tpa=', 'arp_spa=', 'arp_op=', 'ipv6_src=', 'ipv6_dst=', '2001:db8::/32', 'icmp_type=', 'nw_frag=later', 'nw_ttl=', 'vlan_tci=0x1000/0x1000',
        'idle_timeout=', 'hard_timeout=', 'set_field:', '->tcp_dst', 'resubmit(,1)', 'mod_tp_dst:', 'out_port=', 'cookie=0x5/-1', 'duration=1.0s', 'n_packets='],
    seeds: () => [
        'priority=10,in_port=1,actions=output:2',
        'table=0,priority=100,ip,nw_src=10.0.0.0/24,tcp,tp_dst=80,actions=mod_vlan_vid:10,output:vm2',
        'dl_src=02:00:00:00:00:01,dl_vlan=0xffff,actions=goto_table:3',
        'cookie=0x5,arp,actions=flood',
        'udp,tp_src=53,actions=drop',
    ].map(bytes),
    run,
    expected,
};
//# sourceMappingURL=flow.js.map