/**
 * `sluice vdpa mgmtdev show [DEV]`
 * `sluice vdpa dev add name NAME mgmtdev sluice [mac MAC] [mtu MTU] [max_vqp N] [path SOCK] [client]`
 * `sluice vdpa dev del NAME`
 * `sluice vdpa dev show [NAME] [--qemu [--mem MiB] [--accel kvm|tcg]]`
 * `sluice vdpa dev config show [NAME]`
 * `sluice vdpa dev vstats show NAME qidx I`
 *
 * iproute2's `vdpa` words over the daemon's vhost-user ports (views: ctl/vdpa.ts). A device
 * is a vhost-user port with `mac=`, `mtu=` and `queues=`; `path` (default: NAME.sock beside
 * the API socket) and `client` (QEMU is the server) are Sluice's own additions.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, keyValues, intWord, EXIT, type Global } from '../client.js';
import { MGMTDEV, MAX_VQP, configView, devView, isVdpaDevice, mgmtdevView, qemuArgs, qemuText, vstatsView, type PortView, type View } from '../../ctl/vdpa.js';
import { parseMac } from '../../drivers/vhost-user/mac-lock.js';

function show(g: Global, v: View): number {
  output(g, v.json, () => v.text);
  return EXIT.OK;
}

async function devices(g: Global, name?: string): Promise<PortView[]> {
  const ports = await request<PortView[]>(g, 'port.show', name !== undefined ? { name } : {});
  const devs = ports.filter(isVdpaDevice);
  if (name !== undefined && devs.length === 0) throw new UsageError(`vdpa: ${name} is a port but not a vhost-user device`, EXIT.REFUSED, 'not-found');
  return devs;
}

/** KVM unless /dev/kvm is missing, not usable, or nested PVM (where stock guests do not boot): then TCG. */
function tcgHere(): boolean {
  try { accessSync('/dev/kvm', constants.R_OK | constants.W_OK); } catch { return true; }
  return existsSync('/sys/module/kvm_pvm');
}

async function devAdd(g: Global, w: string[]): Promise<number> {
  const { kv, flags } = keyValues(w, ['name', 'mgmtdev', 'mac', 'mtu', 'max_vqp', 'path'], ['client'], 'vdpa dev add argument');
  if (kv.name === undefined) throw new UsageError(`vdpa dev add: device name is not set (${usage('vdpa', 'dev')})`);
  if (kv.mgmtdev === undefined) throw new UsageError('vdpa dev add: management device handle not set (mgmtdev sluice)');
  if (kv.mgmtdev !== MGMTDEV) throw new UsageError(`vdpa dev add: mgmtdev "${kv.mgmtdev}" is not known (the only one is "${MGMTDEV}")`);
  let spec = `vhost-user:${kv.path ?? join(dirname(g.socket), `${kv.name}.sock`)}`;
  if (flags.has('client')) spec += ',client';
  if (kv.mac !== undefined) {
    try { parseMac(kv.mac); } catch (e) { throw new UsageError(`vdpa dev add: mac: ${(e as Error).message}`); }
    spec += `,mac=${kv.mac.toLowerCase()}`;
  }
  const mtu = intWord('mtu', kv.mtu, 68, 65535);
  if (mtu !== undefined) spec += `,mtu=${mtu}`;
  const vqp = intWord('max_vqp', kv.max_vqp, 1, MAX_VQP);
  if (vqp !== undefined) spec += `,queues=${vqp}`;
  const r = await request(g, 'port.add', { name: kv.name, spec });
  output(g, r, () => '');
  return EXIT.OK;
}

async function devShow(g: Global, w: string[]): Promise<number> {
  if (w.length > 1) throw new UsageError(usage('vdpa', 'dev'));
  if (g.flags.has('--qemu')) {
    if (w[0] === undefined) throw new UsageError('vdpa dev show --qemu: name the device');
    const accel = g.values.get('--accel');
    if (accel !== undefined && accel !== 'kvm' && accel !== 'tcg') throw new UsageError(`--accel must be kvm or tcg, got "${accel}"`);
    const memMiB = intWord('--mem', g.values.get('--mem'), 64, 1 << 20) ?? 256;
    const [p] = await devices(g, w[0]);
    const args = qemuArgs(p!, { memMiB, tcg: accel !== undefined ? accel === 'tcg' : tcgHere() });
    output(g, { qemu: args }, () => qemuText(args));
    return EXIT.OK;
  }
  return show(g, devView(await devices(g, w[0])));
}

export async function main(argv: string[]): Promise<number> {
  const g = parseGlobal(argv, ['--qemu'], ['--mem', '--accel']);
  return sub('vdpa', g, {
    mgmtdev: (g, w) => {
      if (w[0] !== 'show' && w[0] !== 'list') throw new UsageError(usage('vdpa', 'mgmtdev'));
      if (w.length > 2 || (w[1] !== undefined && w[1] !== MGMTDEV)) throw new UsageError(`vdpa mgmtdev show: no management device "${w[1]}" (the only one is "${MGMTDEV}")`, EXIT.REFUSED, 'not-found');
      return Promise.resolve(show(g, mgmtdevView()));
    },
    dev: (g, w) => {
      const [s, ...rest] = w;
      if (s === undefined || s === 'show' || s === 'list') return devShow(g, rest);
      if (s === 'add') return devAdd(g, rest);
      if (s === 'del') {
        if (rest.length !== 1) throw new UsageError(usage('vdpa', 'dev'));
        return devices(g, rest[0]).then(() => request(g, 'port.del', { name: rest[0] })).then((r) => { output(g, r, () => ''); return EXIT.OK; });
      }
      if (s === 'config') {
        if (rest[0] !== undefined && rest[0] !== 'show') throw new UsageError(usage('vdpa', 'dev'));
        if (rest.length > 2) throw new UsageError(usage('vdpa', 'dev'));
        return devices(g, rest[1]).then((d) => show(g, configView(d)));
      }
      if (s === 'vstats') {
        if (rest[0] !== 'show' || rest.length !== 4 || rest[2] !== 'qidx') throw new UsageError('vdpa dev vstats show DEV qidx QUEUE_INDEX');
        const qidx = intWord('qidx', rest[3], 0, 65535)!;
        return devices(g, rest[1]).then(([p]) => {
          let v: View;
          try { v = vstatsView(p!, qidx); } catch (e) { throw new UsageError(`vdpa dev vstats: ${(e as Error).message}`, EXIT.REFUSED, 'invalid'); }
          return show(g, v);
        });
      }
      throw new UsageError(`vdpa dev: unknown command "${s}" (show, add, del, config, vstats)`);
    },
  });
}
