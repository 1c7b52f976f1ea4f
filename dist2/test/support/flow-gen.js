export function rng(seed) {
    let s = seed >>> 0 || 1;
    return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 0x100000000; };
}
const pick = (r, a) => a[Math.floor(r() * a.length)];
const MACS = ['02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:03', '0a:00:00:00:00:04'];
const NETS = ['10.0.0.0', '10.0.1.0', '10.1.0.0', '192.168.5.0'];
const HOSTS = ['10.0.0.7', '10.0.1.9', '10.1.0.3', '192.168.5.44', '10.0.0.200'];
const V6 = ['2001:db8::1', '2001:db8::2', '2001:db8:1::5', 'fd00::9'];
const TP = [53, 80, 443, 1000];
const VLANS = [10, 20];
const KINDS = ['ip', 'tcp', 'udp', 'icmp', 'arp', 'ipv6', 'tcp6', 'udp6'];
/** A random rule in ovs-ofctl syntax, `table` 0 or 1 with unique priorities given by the caller. */
export function genRule(r, table, priority, ports) {
    const m = [`table=${table}`, `priority=${priority}`];
    const kind = r() < 0.85 ? pick(r, KINDS) : null;
    if (kind)
        m.push(kind);
    if (r() < 0.4)
        m.push(`in_port=${1 + Math.floor(r() * ports)}`);
    if (r() < 0.2)
        m.push(r() < 0.3 ? 'dl_vlan=0xffff' : `dl_vlan=${pick(r, VLANS)}`);
    else if (r() < 0.05)
        m.push(r() < 0.5 ? `dl_vlan_pcp=${pick(r, [0, 5])}` : 'vlan_tci=0x1000/0x1000');
    if (r() < 0.15)
        m.push(`dl_src=${pick(r, MACS)}`);
    if (r() < 0.15)
        m.push(r() < 0.5 ? `dl_dst=${pick(r, MACS)}` : 'dl_dst=01:00:00:00:00:00/01:00:00:00:00:00');
    const ip = kind === 'ip' || kind === 'tcp' || kind === 'udp' || kind === 'icmp';
    const ip6 = kind === 'ipv6' || kind === 'tcp6' || kind === 'udp6';
    if (ip || kind === 'arp') {
        const pre = kind === 'arp' ? 'arp_' : 'nw_';
        if (r() < 0.5)
            m.push(`${pre}${kind === 'arp' ? 'tpa' : 'dst'}=${r() < 0.5 ? pick(r, HOSTS) : `${pick(r, NETS)}/${pick(r, [8, 16, 24])}`}`);
        if (r() < 0.3)
            m.push(`${pre}${kind === 'arp' ? 'spa' : 'src'}=${pick(r, NETS)}/${pick(r, [16, 24])}`);
    }
    if (kind === 'arp' && r() < 0.3)
        m.push(`arp_op=${1 + Math.floor(r() * 2)}`);
    if (ip6 && r() < 0.6)
        m.push(`ipv6_${r() < 0.5 ? 'src' : 'dst'}=${r() < 0.5 ? pick(r, V6) : '2001:db8::/32'}`);
    if ((kind === 'tcp' || kind === 'udp' || kind === 'tcp6' || kind === 'udp6') && r() < 0.6)
        m.push(`tp_dst=${pick(r, TP)}`);
    if (kind === 'icmp' && r() < 0.5)
        m.push(`icmp_type=${pick(r, [0, 8])}`);
    if (ip && r() < 0.15)
        m.push(`nw_frag=${pick(r, ['no', 'first', 'later', 'not_later'])}`);
    if ((ip || ip6) && r() < 0.05)
        m.push(r() < 0.5 ? `nw_ttl=${pick(r, [1, 64])}` : `ip_dscp=${pick(r, [0, 46])}`);
    const acts = [];
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
        const x = r();
        if (x < 0.35)
            acts.push(`output:${1 + Math.floor(r() * ports)}`);
        else if (x < 0.4)
            acts.push('in_port');
        else if (x < 0.45)
            acts.push('flood');
        else if (x < 0.5)
            acts.push('normal');
        else if (x < 0.58)
            acts.push(`mod_vlan_vid:${pick(r, [10, 30])}`);
        else if (x < 0.63)
            acts.push('strip_vlan');
        else if (x < 0.68)
            acts.push(`mod_dl_dst:${pick(r, MACS)}`);
        else if (x < 0.72)
            acts.push(`mod_dl_src:${pick(r, MACS)}`);
        else if (x < 0.77 && ip)
            acts.push(`mod_nw_dst:${pick(r, HOSTS)}`);
        else if (x < 0.8 && ip)
            acts.push('dec_ttl');
        else if (x < 0.84 && (kind === 'tcp' || kind === 'udp'))
            acts.push(r() < 0.5 ? `set_field:${pick(r, TP)}->${kind}_dst` : `mod_tp_src:${pick(r, TP)}`);
        else if (x < 0.86)
            acts.push(r() < 0.5 ? `mod_vlan_pcp:${pick(r, [0, 3])}` : `set_field:${pick(r, MACS)}->eth_src`);
        else if (x < 0.87 && ip)
            acts.push(r() < 0.5 ? `mod_nw_src:${pick(r, HOSTS)}` : `mod_nw_ttl:${pick(r, [1, 9])}`);
        else if (x < 0.9 && table === 0)
            acts.push('resubmit(,1)');
        else
            acts.push(`output:${1 + Math.floor(r() * ports)}`);
    }
    if (table === 0 && r() < 0.15)
        acts.push('goto_table:1');
    if (r() < 0.05)
        return `${m.join(',')},actions=drop`;
    return `${m.join(',')},actions=${acts.join(',')}`;
}
export function genPacket(r, ports) {
    const kind = pick(r, KINDS);
    const inPort = 1 + Math.floor(r() * ports);
    const vlan = r() < 0.3 ? pick(r, VLANS) : -1;
    const pcp = vlan >= 0 && r() < 0.3 ? pick(r, [3, 5]) : 0;
    const src = pick(r, MACS), dst = r() < 0.1 ? 'ff:ff:ff:ff:ff:ff' : pick(r, MACS);
    const ip6 = kind === 'ipv6' || kind === 'tcp6' || kind === 'udp6';
    const nwSrc = ip6 ? pick(r, V6) : pick(r, HOSTS), nwDst = ip6 ? pick(r, V6) : pick(r, HOSTS);
    const ttl = 1 + Math.floor(r() * 64);
    const l4 = kind === 'tcp' || kind === 'udp' || kind === 'tcp6' || kind === 'udp6';
    const frag = kind !== 'arp' && !ip6 && r() < 0.15 ? pick(r, ['first', 'later']) : 'no';
    const tpSrc = l4 && frag !== 'later' ? pick(r, [...TP, 5555]) : kind === 'icmp' && frag !== 'later' ? pick(r, [0, 8]) : 0;
    const tpDst = l4 && frag !== 'later' ? pick(r, [...TP, 5555]) : 0;
    const arpOp = 1 + Math.floor(r() * 2);
    const f = [`in_port=${inPort}`];
    if (vlan >= 0)
        f.push(`dl_vlan=${vlan}`, `dl_vlan_pcp=${pcp}`);
    f.push(`dl_src=${src}`, `dl_dst=${dst}`, kind);
    if (kind === 'arp')
        f.push(`arp_spa=${nwSrc}`, `arp_tpa=${nwDst}`, `arp_op=${arpOp}`);
    else if (ip6)
        f.push(`ipv6_src=${nwSrc}`, `ipv6_dst=${nwDst}`, `nw_ttl=${ttl}`);
    else
        f.push(`nw_src=${nwSrc}`, `nw_dst=${nwDst}`, `nw_ttl=${ttl}`, `nw_frag=${frag}`);
    if (l4 && frag !== 'later') {
        const t = kind.replace('6', '');
        f.push(`${t}_src=${tpSrc}`, `${t}_dst=${tpDst}`);
    }
    if (kind === 'icmp' && frag !== 'later')
        f.push(`icmp_type=${tpSrc}`, 'icmp_code=0');
    const hasIp = kind !== 'arp';
    const start = {
        vlan: vlan >= 0 ? `${vlan}/${pcp}` : 'none', ethSrc: src, ethDst: dst,
        nwSrc: hasIp && !ip6 ? nwSrc : '-', nwDst: hasIp && !ip6 ? nwDst : '-', ttl: hasIp ? String(ttl) : '-',
        tpSrc: l4 ? String(tpSrc) : '-', tpDst: l4 ? String(tpDst) : '-',
    };
    return { flow: f.join(','), start, kind, inPort, vlan, src, dst, nwSrc, nwDst, ttl, tpSrc, tpDst, frag, arpOp, pcp };
}
//# sourceMappingURL=flow-gen.js.map