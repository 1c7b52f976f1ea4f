/**
 * Up/down state of a kernel-interface port (AF_PACKET, TAP), for `report()` and logs.
 * Control path: changed from configure/tick/error paths, never per packet. Each change is
 * logged once to stderr ("sluice: port p0 (af-packet veth0) down: no interface named veth0")
 * unless quiet; the data path only reads `up`.
 */
import { ifIndex, ifFlags, IFF_UP, IFF_RUNNING, SysError } from '../../sys/index.js';

export class PortState {
  up = false;
  reason = 'not opened yet';
  /** Number of up/down changes. */
  changes = 0;
  /** Date.now() of the last change. */
  since = Date.now();

  constructor(readonly label: string, readonly quiet = process.env.SLUICE_QUIET === '1') {}

  setUp(): void {
    if (this.up) return;
    this.up = true;
    this.reason = '';
    this.changed('up');
  }

  setDown(reason: string): void {
    if (!this.up && this.reason === reason) return;
    this.up = false;
    this.reason = reason;
    this.changed(`down: ${reason}`);
  }

  private changed(what: string): void {
    this.changes++;
    this.since = Date.now();
    if (!this.quiet) console.error(`sluice: port ${this.label} ${what}`);
  }

  report(): { state: 'up' | 'down'; reason?: string; since: string } {
    return this.up ? { state: 'up', since: new Date(this.since).toISOString() } : { state: 'down', reason: this.reason, since: new Date(this.since).toISOString() };
  }
}

/** One line for a failed interface syscall (permission errors say which capability). */
export function reasonOf(e: unknown): string {
  if (e instanceof SysError) {
    if (e.errno === 1 || e.errno === 13) return `permission denied (${e.message}); needs CAP_NET_RAW/CAP_NET_ADMIN`;
    return e.message;
  }
  return (e as Error).message ?? String(e);
}

/**
 * Follow a kernel interface (AF_PACKET, AF_XDP ports; control path, from tick): close when it
 * went away or was deleted and re-created (`openIndex` is the ifindex the port has open, 0
 * when closed), open it when it is there (`open` says whether that worked), and set the
 * state up or down with the reason.
 */
export function followInterface(ifname: string, state: PortState, openIndex: number, open: (index: number) => boolean, close: () => void): void {
  let index: number;
  try { index = ifIndex(ifname); } catch (e) { close(); state.setDown(reasonOf(e)); return; }
  if (index === 0) { close(); state.setDown(`no interface named ${ifname}`); return; }
  if (openIndex !== 0 && index !== openIndex) { close(); openIndex = 0; } // deleted and re-created
  if (openIndex === 0 && !open(index)) return;
  let flags: number;
  try { flags = ifFlags(ifname); } catch (e) { close(); state.setDown(reasonOf(e)); return; }
  if ((flags & IFF_UP) === 0) state.setDown('interface is administratively down');
  else if ((flags & IFF_RUNNING) === 0) state.setDown('interface has no carrier (lower layer down)');
  else state.setUp();
}
