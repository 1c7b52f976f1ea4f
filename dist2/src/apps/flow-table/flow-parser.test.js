import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFlow, parseMatch, FlowSyntaxError, Act, DEFAULT_PRIORITY } from './flow-parser.js';
import { KEY_WORDS, W_IN_PORT, W_NW_DST, W_NW_SRC, W_TP, W_VLAN_TYPE, W_PROTO } from './flow-key.js';
const PORTS = ['p0', 'p1', 'p2'];
test('parses a full rule: table, priority, match fields with masks, actions', () => {
    const f = parseFlow('table=1, priority=100,in_port=p0,dl_vlan=10,tcp,nw_dst=10.1.0.0/16,tp_dst=80 actions=mod_dl_dst:02:00:00:00:00:09,dec_ttl,output:2', PORTS);
    assert.equal(f.table, 1);
    assert.equal(f.priority, 100);
    assert.equal(f.match.mask.length, KEY_WORDS);
    assert.equal(f.match.value[W_IN_PORT], 1);
    assert.equal(f.match.value[W_VLAN_TYPE], ((0x1000 | 10) << 16 | 0x0800) >>> 0);
    assert.equal(f.match.mask[W_NW_DST], 0xffff0000);
    assert.equal(f.match.value[W_NW_DST], (10 << 24 | 1 << 16) >>> 0);
    assert.equal(f.match.value[W_PROTO], 6);
    assert.equal(f.match.mask[W_TP], 0xffff);
    assert.equal(f.match.value[W_TP], 80);
    assert.deepEqual(f.actions.map((a) => a.op), [Act.SET_DL_DST, Act.DEC_TTL, Act.OUTPUT]);
    assert.equal(f.actions[2].a, 2);
    assert.equal(f.match.text, 'tcp,in_port=1,dl_vlan=10,nw_dst=10.1.0.0/16,tp_dst=80');
});
test('defaults and shorthands: priority 32768, bare port numbers and names as outputs, drop', () => {
    const f = parseFlow('actions=p2,1', PORTS);
    assert.equal(f.priority, DEFAULT_PRIORITY);
    assert.deepEqual(f.actions.map((a) => [a.op, a.a]), [[Act.OUTPUT, 3], [Act.OUTPUT, 1]]);
    assert.deepEqual([...f.match.mask], new Array(KEY_WORDS).fill(0));
    assert.equal(parseFlow('priority=0 actions=drop', PORTS).actions.length, 0);
    const u = parseFlow('dl_vlan=0xffff,actions=mod_vlan_vid:7,normal', PORTS);
    assert.equal(u.match.mask[W_VLAN_TYPE], 0xffff0000);
    assert.equal(u.match.value[W_VLAN_TYPE], 0);
    const n = parseFlow('nw_src=10.0.0.0/255.0.0.0,ip,actions=flood', PORTS);
    assert.equal(n.match.mask[W_NW_SRC], 0xff000000);
});
function throwsToken(text, token, re) {
    assert.throws(() => parseFlow(text, PORTS), (e) => {
        assert.ok(e instanceof FlowSyntaxError, `expected FlowSyntaxError for ${text}`);
        assert.equal(e.token, token, `token for ${text}: ${e.message}`);
        assert.ok(e.message.includes(token));
        if (re)
            assert.match(e.message, re);
        return true;
    });
}
test('bad rules are refused naming the token', () => {
    throwsToken('foo=1,actions=drop', 'foo=1', /unknown match field/);
    throwsToken('bogus,actions=drop', 'bogus', /unknown match field/);
    throwsToken('dl_src=zz:00:00:00:00:01,actions=drop', 'dl_src=zz:00:00:00:00:01', /bad MAC/);
    throwsToken('in_port=p9,actions=drop', 'in_port=p9', /unknown port "p9"/);
    throwsToken('actions=output:p9', 'output:p9', /unknown port/);
    throwsToken('actions=frobnicate', 'frobnicate', /unknown action/);
    throwsToken('nw_dst=10.0.0.1,actions=drop', 'nw_dst=10.0.0.1', /needs ip or arp/);
    throwsToken('ip,tp_dst=80,actions=drop', 'tp_dst=80', /needs nw_proto/);
    throwsToken('ip,nw_dst=10.0.0.300,actions=drop', 'nw_dst=10.0.0.300', /bad IPv4/);
    throwsToken('ip,nw_dst=10.0.0.0/33,actions=drop', 'nw_dst=10.0.0.0/33', /out of range/);
    throwsToken('priority=70000,actions=drop', 'priority=70000', /out of range/);
    throwsToken('priority=ten,actions=drop', 'priority=ten', /must be a number/);
    throwsToken('in_port=p0,in_port=p1,actions=drop', 'in_port=p1', /given twice/);
    throwsToken('in_port=p0', 'in_port=p0', /must specify an action/);
    throwsToken('actions=drop,output:1', 'drop', /must not be accompanied/);
    throwsToken('table=2,actions=goto_table:1', 'goto_table:1', /after 2/);
    throwsToken('actions=goto_table:3,output:1', 'goto_table:3', /last action/);
    throwsToken('actions=mod_vlan_vid:4096', 'mod_vlan_vid:4096', /out of range/);
    throwsToken('actions=strip_vlan:3', 'strip_vlan:3', /takes no argument/);
    throwsToken('actions=output', 'output', /needs an argument/);
    throwsToken('dl_type=,actions=drop', 'dl_type=', /missing value/);
    throwsToken('udp,actions=set_field:5->tcp_src', 'set_field:5->tcp_src', /prerequisites/);
    throwsToken('ipv6,nw_src=1.2.3.4,actions=drop', 'nw_src=1.2.3.4', /needs ip or arp/);
    throwsToken('cookie=1/1,actions=drop', 'cookie=1/1', /cookie mask/);
});
test('parseMatch (del-flows) takes table and priority and refuses actions', () => {
    const m = parseMatch('table=3,priority=5,in_port=p1', PORTS);
    assert.equal(m.table, 3);
    assert.ok(m.tableSet);
    assert.ok(m.prioritySet);
    assert.equal(m.match.value[W_IN_PORT], 2);
    assert.equal(parseMatch('in_port=7', PORTS).match.value[W_IN_PORT], 7);
    assert.equal(parseMatch('', PORTS).tableSet, false);
    assert.throws(() => parseMatch('in_port=p0,actions=drop', PORTS), FlowSyntaxError);
});
//# sourceMappingURL=flow-parser.test.js.map