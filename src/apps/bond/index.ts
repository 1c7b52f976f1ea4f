/**
 * Registers the `bond` app type and the `bond:` port kind:
 *   bond:M1+M2[+M3...][,mode=active-backup|balance-slb|balance-tcp][,lacp=off|active|passive]
 *        [,lacp-rate=fast|slow][,system-mac=MAC][,system-priority=N][,key=N][,primary=M]
 *        [,updelay=MS][,downdelay=MS][,lacp-fallback-ab=true|false][,rebalance-interval=MS]
 * The members are other ports of the same switch or daemon, by name; the derivation
 * (runtime/derive.ts) links them to the bond, and they join nothing else.
 */
import { registerApp } from '../../core/registry.js';
import { registerPortKind } from '../../core/port-kinds.js';
import { checkOptions, intOption, macOption, stringOption, PortSpecError, type PortSpec } from '../../core/port-spec.js';
import { Bond, bondSchema, type BondArgs } from './bond.js';

registerApp('bond', Bond, { schema: bondSchema, description: 'a port over member ports: active-backup, balance-slb, balance-tcp, LACP (802.1AX) as Open vSwitch bonds' });

function oneOf<T extends string>(spec: PortSpec, key: string, values: readonly T[]): T | undefined {
  const v = stringOption(spec, key);
  if (v !== undefined && !values.includes(v as T)) throw new PortSpecError(`port spec "${spec.text}": ${key} must be one of ${values.join(', ')}, got "${v}"`);
  return v as T | undefined;
}

/** The members a bond spec names (`bond:a+b` → [a, b]); throws naming the spec. */
export function bondMembers(spec: PortSpec): string[] {
  const members = spec.arg.split('+');
  if (spec.arg === '' || members.length < 2) throw new PortSpecError(`port spec "${spec.text}": a bond needs two or more member ports, as bond:PORT1+PORT2`);
  for (const m of members) {
    if (!/^[A-Za-z_][\w-]*$/.test(m) || m === 'input' || m === 'output') throw new PortSpecError(`port spec "${spec.text}": bad member port name "${m}"`);
  }
  if (new Set(members).size !== members.length) throw new PortSpecError(`port spec "${spec.text}": a member is named twice`);
  return members;
}

registerPortKind('bond', {
  usage: 'bond:PORT1+PORT2[+...][,mode=active-backup|balance-slb|balance-tcp][,lacp=off|active|passive][,lacp-rate=fast|slow][,system-mac=MAC][,system-priority=N][,key=N][,primary=PORT][,updelay=MS][,downdelay=MS][,lacp-fallback-ab=true|false][,rebalance-interval=MS]',
  app(spec) {
    checkOptions(spec, ['mode', 'lacp', 'lacp-rate', 'system-mac', 'system-priority', 'key', 'primary', 'updelay', 'downdelay', 'lacp-fallback-ab', 'rebalance-interval']);
    const members = bondMembers(spec);
    const args: BondArgs = { members };
    const mode = oneOf(spec, 'mode', ['active-backup', 'balance-slb', 'balance-tcp'] as const);
    const lacp = oneOf(spec, 'lacp', ['off', 'active', 'passive'] as const);
    const rate = oneOf(spec, 'lacp-rate', ['fast', 'slow'] as const);
    if (mode) args.mode = mode;
    if (lacp) args.lacp = lacp;
    if (rate) args.lacpRate = rate;
    if (mode === 'balance-tcp' && (lacp ?? 'off') === 'off') throw new PortSpecError(`port spec "${spec.text}": mode=balance-tcp needs lacp=active or lacp=passive (as in Open vSwitch)`);
    const mac = macOption(spec, 'system-mac');
    if (mac) args.systemMac = mac;
    const prio = intOption(spec, 'system-priority', 1, 65535);
    if (prio !== undefined) args.systemPriority = prio;
    const key = intOption(spec, 'key', 1, 65535);
    if (key !== undefined) args.key = key;
    const up = intOption(spec, 'updelay', 0, 3_600_000);
    if (up !== undefined) args.updelay = up;
    const down = intOption(spec, 'downdelay', 0, 3_600_000);
    if (down !== undefined) args.downdelay = down;
    const interval = intOption(spec, 'rebalance-interval', 0, 3_600_000);
    if (interval !== undefined) args.rebalanceInterval = interval;
    const fallback = oneOf(spec, 'lacp-fallback-ab', ['true', 'false'] as const);
    if (fallback !== undefined) args.lacpFallbackAb = fallback === 'true';
    const primary = stringOption(spec, 'primary');
    if (primary !== undefined) {
      if (!members.includes(primary)) throw new PortSpecError(`port spec "${spec.text}": primary "${primary}" is not a member (${members.join(', ')})`);
      args.primary = primary;
    }
    return { type: 'bond', args };
  },
});

export { Bond, bondSchema };
export type { BondArgs, BondMode } from './bond.js';
