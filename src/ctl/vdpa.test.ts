/**
 * Golden output of `sluice vdpa … -j` against iproute2's vdpa tool. The keys are those
 * vdpa/vdpa.c prints (this kernel has no vdpa bus to capture real output from):
 *   mgmtdev show:   {"mgmtdev":{DEV:{"supported_classes":[…],"max_supported_vqs":N,"dev_features":[…]}}}
 *   dev show:       {"dev":{NAME:{"type","mgmtdev","vendor_id","max_vqs","max_vq_size"}}}
 *   dev config show:{"config":{NAME:{"mac","link ","link_announce ","max_vq_pairs","mtu","negotiated_features"}}}
 *   dev vstats show:{"vstats":{NAME:{"queue_type", then the vendor's names: "received_desc","completed_desc"}}}
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configView, devView, featureNames, mgmtdevView, qemuArgs, qemuText, vstatsView, type PortView } from './vdpa.js';

const vd0: PortView = {
  name: 'vd0', kind: 'vhost-user', spec: 'vhost-user:/run/sluice/vd0.sock,mac=52:54:00:12:34:56,mtu=1400',
  info: {
    path: '/run/sluice/vd0.sock', mode: 'server', connected: true, features: '0x170008008', queuePairs: 1, mac: '52:54:00:12:34:56', mtu: 1400,
    rings: [{ index: 0, started: true, receivedDesc: 7, completedDesc: 7 }, { index: 1, started: true, receivedDesc: 12, completedDesc: 11 }],
  },
};
const vd1: PortView = { name: 'vd1', kind: 'vhost-user', spec: 'vhost-user:/tmp/x.sock,client,queues=2', info: { path: '/tmp/x.sock', mode: 'client', connected: false, features: '0x0', queuePairs: 2, mac: null, mtu: null } };

test('vdpa mgmtdev show -j: iproute2 keys and feature names', () => {
  const j = mgmtdevView().json as { mgmtdev: { sluice: { supported_classes: string[]; max_supported_vqs: number; dev_features: string[] } } };
  assert.deepEqual(Object.keys(j.mgmtdev.sluice), ['supported_classes', 'max_supported_vqs', 'dev_features']);
  assert.deepEqual(j.mgmtdev.sluice.supported_classes, ['net']);
  assert.equal(j.mgmtdev.sluice.max_supported_vqs, 256);
  for (const f of ['MTU', 'MRG_RXBUF', 'STATUS', 'MQ', 'RING_EVENT_IDX', 'VERSION_1', 'IN_ORDER']) assert.ok(j.mgmtdev.sluice.dev_features.includes(f), f);
});

test('vdpa dev show -j / text (golden)', () => {
  const v = devView([vd0, vd1]);
  assert.equal(JSON.stringify(v.json),
    '{"dev":{"vd0":{"type":"network","mgmtdev":"sluice","vendor_id":0,"max_vqs":2,"max_vq_size":32768},' +
    '"vd1":{"type":"network","mgmtdev":"sluice","vendor_id":0,"max_vqs":4,"max_vq_size":32768}}}');
  assert.equal(v.text, 'vd0: type network mgmtdev sluice vendor_id 0 max_vqs 2 max_vq_size 32768\nvd1: type network mgmtdev sluice vendor_id 0 max_vqs 4 max_vq_size 32768');
});

test('vdpa dev config show -j (golden, including iproute2\'s "link " and "link_announce " keys)', () => {
  const v = configView([vd0, vd1]);
  assert.equal(JSON.stringify(v.json),
    '{"config":{"vd0":{"mac":"52:54:00:12:34:56","link ":"up","link_announce ":false,"max_vq_pairs":1,"mtu":1400,' +
    '"negotiated_features":["MTU","MRG_RXBUF","RING_INDIRECT_DESC","RING_EVENT_IDX","bit_30","VERSION_1"]},' +
    '"vd1":{"link ":"down","link_announce ":false,"max_vq_pairs":2}}}');
  assert.deepEqual(featureNames(1n << 30n), ['bit_30'], 'a bit vdpa.c has no name for');
  assert.equal(v.text.split('\n')[0], 'vd0: mac 52:54:00:12:34:56 link up link_announce false max_vq_pairs 1 mtu 1400 ');
});

test('vdpa dev vstats show NAME qidx I -j (golden) and a queue the device lacks', () => {
  assert.equal(JSON.stringify(vstatsView(vd0, 1).json), '{"vstats":{"vd0":{"queue_type":"tx","received_desc":12,"completed_desc":11}}}');
  assert.equal(vstatsView(vd0, 0).text, 'vd0: queue_type rx received_desc 7 completed_desc 7');
  assert.throws(() => vstatsView(vd0, 2), /qidx 2 is not a queue of vd0 \(0\.\.1\)/);
});

test('vdpa dev show --qemu: the socket in the other role, MAC, host_mtu, mq, vectors=0 under TCG', () => {
  assert.deepEqual(qemuArgs(vd0, { memMiB: 256, tcg: true }), [
    '-object', 'memory-backend-memfd,id=mem,size=256M,share=on', '-numa', 'node,memdev=mem',
    '-chardev', 'socket,id=chr-vd0,path=/run/sluice/vd0.sock,reconnect=1',
    '-netdev', 'type=vhost-user,id=net-vd0,chardev=chr-vd0',
    '-device', 'virtio-net-pci,netdev=net-vd0,mac=52:54:00:12:34:56,host_mtu=1400,vectors=0',
  ]);
  const kvm = qemuArgs(vd1, { memMiB: 512, tcg: false });
  assert.equal(kvm[5], 'socket,id=chr-vd1,path=/tmp/x.sock,server=on,wait=on');
  assert.equal(kvm[7], 'type=vhost-user,id=net-vd1,chardev=chr-vd1,queues=2');
  assert.equal(kvm[9], 'virtio-net-pci,netdev=net-vd1,mq=on,vectors=6');
  assert.equal(qemuText(['-device', 'a b']), "-device 'a b'");
});
