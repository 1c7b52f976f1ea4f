/**
 * `sluice vdpa`: Sluice's vhost-user ports seen as vDPA devices of one management device,
 * "sluice", in the words and JSON keys of iproute2's `vdpa` tool (vdpa/vdpa.c), so scripts
 * written for `vdpa -j` read Sluice too. The views here are pure functions of what
 * `port.show` returns (golden-tested); the verb (cli/commands/vdpa.ts) does the I/O.
 *
 * iproute2 quirks kept on purpose: the config keys "link " and "link_announce " end in a
 * space (as vdpa.c prints them), feature bits without a name print as "bit_N".
 */
import { OFFERED_FEATURES } from '../drivers/vhost-user/device.js';
import { OFFLOAD_FEATURES } from '../virtio/net/net.js';

export const MGMTDEV = 'sluice';
/** Largest queue pair count of a vhost-user port (its `queues=` limit). */
export const MAX_VQP = 128;
/** Largest split ring a frontend may set (SET_VRING_NUM). */
export const MAX_VQ_SIZE = 32768;

// Feature names as vdpa.c's net_feature_strs / ext_feature_strs.
const NET_FEATURES: Record<number, string> = {
  0: 'CSUM', 1: 'GUEST_CSUM', 2: 'CTRL_GUEST_OFFLOADS', 3: 'MTU', 5: 'MAC', 7: 'GUEST_TSO4', 8: 'GUEST_TSO6',
  9: 'GUEST_ECN', 10: 'GUEST_UFO', 11: 'HOST_TSO4', 12: 'HOST_TSO6', 13: 'HOST_ECN', 14: 'HOST_UFO',
  15: 'MRG_RXBUF', 16: 'STATUS', 17: 'CTRL_VQ', 18: 'CTRL_RX', 19: 'CTRL_VLAN', 20: 'CTRL_RX_EXTRA',
  21: 'GUEST_ANNOUNCE', 22: 'MQ', 23: 'CTRL_MAC_ADDR', 24: 'NOTIFY_ON_EMPTY', 27: 'ANY_LAYOUT', 61: 'RSC_EXT',
  57: 'HASH_REPORT', 60: 'RSS', 62: 'STANDBY', 63: 'SPEED_DUPLEX',
};
const TRANSPORT_START = 28, TRANSPORT_END = 41;
const EXT_FEATURES: Record<number, string> = {
  28: 'RING_INDIRECT_DESC', 29: 'RING_EVENT_IDX', 32: 'VERSION_1', 33: 'ACCESS_PLATFORM', 34: 'RING_PACKED',
  35: 'IN_ORDER', 36: 'ORDER_PLATFORM', 37: 'SR_IOV', 38: 'NOTIFICATION_DATA',
};

/** Feature bits → names, lowest bit first (vdpa.c print_features). */
export function featureNames(features: bigint): string[] {
  const out: string[] = [];
  for (let i = 0; i < 64; i++) {
    if (((features >> BigInt(i)) & 1n) === 0n) continue;
    const s = i >= TRANSPORT_START && i <= TRANSPORT_END ? EXT_FEATURES[i] : NET_FEATURES[i];
    out.push(s ?? `bit_${i}`);
  }
  return out;
}

/** What a vhost-user port looks like in `port.show` (only the fields used here). */
export interface PortView {
  name: string;
  kind?: string;
  spec: string;
  info?: {
    path?: string; mode?: string; connected?: boolean; features?: string; queuePairs?: number;
    mac?: string | null; mtu?: number | null; frontendMtu?: number;
    rings?: { index: number; started: boolean; receivedDesc: number; completedDesc: number }[];
  };
}

export function isVdpaDevice(p: PortView): boolean {
  return p.kind === 'vhost-user';
}

type Json = Record<string, unknown>;
export interface View { json: Json; text: string }

/** `vdpa mgmtdev show [DEV]`. */
export function mgmtdevView(): View {
  const devFeatures = OFFERED_FEATURES | OFFLOAD_FEATURES | (1n << 3n);
  const names = featureNames(devFeatures);
  return {
    json: { mgmtdev: { [MGMTDEV]: { supported_classes: ['net'], max_supported_vqs: 2 * MAX_VQP, dev_features: names } } },
    text: `${MGMTDEV}: \n  supported_classes net\n  max_supported_vqs ${2 * MAX_VQP}\n  dev_features ${names.join(' ')}`,
  };
}

function queuePairs(p: PortView): number {
  if (p.info?.queuePairs !== undefined) return p.info.queuePairs;
  const m = /,queues=(\d+)/.exec(p.spec);
  return m ? Number(m[1]) : 1;
}

/** `vdpa dev show [DEV]`. */
export function devView(ports: PortView[]): View {
  const dev: Json = {};
  const lines: string[] = [];
  for (const p of ports) {
    const maxVqs = 2 * queuePairs(p);
    dev[p.name] = { type: 'network', mgmtdev: MGMTDEV, vendor_id: 0, max_vqs: maxVqs, max_vq_size: MAX_VQ_SIZE };
    lines.push(`${p.name}: type network mgmtdev ${MGMTDEV} vendor_id 0 max_vqs ${maxVqs} max_vq_size ${MAX_VQ_SIZE}`);
  }
  return { json: { dev }, text: lines.join('\n') };
}

/** `vdpa dev config show [DEV]`: attributes and, once a guest negotiated, its features. */
export function configView(ports: PortView[]): View {
  const config: Json = {};
  const lines: string[] = [];
  for (const p of ports) {
    const i = p.info ?? {};
    const c: Json = {};
    let t = `${p.name}: `;
    if (i.mac) { c.mac = i.mac; t += `mac ${i.mac} `; }
    const up = i.connected === true;
    c['link '] = up ? 'up' : 'down';
    c['link_announce '] = false;
    t += `link ${up ? 'up' : 'down'} link_announce false `;
    const vqp = queuePairs(p);
    c.max_vq_pairs = vqp;
    t += `max_vq_pairs ${vqp} `;
    if (i.mtu) { c.mtu = i.mtu; t += `mtu ${i.mtu} `; }
    const f = i.features !== undefined ? BigInt(i.features) : 0n;
    if (f !== 0n) {
      c.negotiated_features = featureNames(f);
      t += `\n  negotiated_features ${featureNames(f).join(' ')}`;
    }
    config[p.name] = c;
    lines.push(t);
  }
  return { json: { config }, text: lines.join('\n') };
}

/** `vdpa dev vstats show DEV qidx I`: descriptors taken and completed on ring I (as mlx5 reports). */
export function vstatsView(p: PortView, qidx: number): View {
  const vqp = queuePairs(p);
  if (!Number.isInteger(qidx) || qidx < 0 || qidx >= 2 * vqp) throw new Error(`qidx ${qidx} is not a queue of ${p.name} (0..${2 * vqp - 1})`);
  const r = p.info?.rings?.find((x) => x.index === qidx);
  const type = (qidx & 1) === 1 ? 'tx' : 'rx';
  const rx = r?.receivedDesc ?? 0, done = r?.completedDesc ?? 0;
  return {
    json: { vstats: { [p.name]: { queue_type: type, received_desc: rx, completed_desc: done } } },
    text: `${p.name}: queue_type ${type} received_desc ${rx} completed_desc ${done}`,
  };
}

/**
 * The QEMU options that give a guest this device (`vdpa dev show NAME --qemu`): shared guest
 * memory (vhost-user maps it), the socket in the opposite role to the port's, the netdev, and
 * virtio-net-pci with the MAC and MTU (QEMU takes both from its own command line). Under TCG,
 * QEMU 7.2 crashes starting a vhost-user device with MSI-X, hence vectors=0 there.
 */
export function qemuArgs(p: PortView, o: { memMiB: number; tcg: boolean }): string[] {
  const i = p.info ?? {};
  const path = i.path ?? p.spec.replace(/^vhost-user:/, '').split(',')[0]!;
  const sluiceIsClient = i.mode === 'client' || /,client(,|$)/.test(p.spec);
  const vqp = queuePairs(p);
  const chr = `chr-${p.name}`, net = `net-${p.name}`;
  let dev = `virtio-net-pci,netdev=${net}`;
  if (i.mac) dev += `,mac=${i.mac}`;
  if (i.mtu) dev += `,host_mtu=${i.mtu}`;
  if (vqp > 1) dev += ',mq=on';
  if (o.tcg) dev += ',vectors=0';
  else if (vqp > 1) dev += `,vectors=${2 * vqp + 2}`;
  return [
    '-object', `memory-backend-memfd,id=mem,size=${o.memMiB}M,share=on`, '-numa', 'node,memdev=mem',
    '-chardev', `socket,id=${chr},path=${path}${sluiceIsClient ? ',server=on,wait=on' : ',reconnect=1'}`,
    '-netdev', `type=vhost-user,id=${net},chardev=${chr}${vqp > 1 ? `,queues=${vqp}` : ''}`,
    '-device', dev,
  ];
}

/** The QEMU options one per line, as a shell continuation (each value quoted if it needs it). */
export function qemuText(args: string[]): string {
  const q = (s: string) => (/^[\w,=.:/@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const lines: string[] = [];
  for (let k = 0; k < args.length; k += 2) lines.push(`${args[k]} ${q(args[k + 1]!)}`);
  return lines.join(' \\\n');
}
