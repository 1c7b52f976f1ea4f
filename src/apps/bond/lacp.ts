/**
 * LACP for one bond (IEEE 802.1AX-2014 clause 6), in the shape Open vSwitch's lacp.c gives
 * it: per member a receive machine (current → expired → defaulted as the partner's LACPDUs
 * stop), a periodic transmit machine (every 1 s when the partner asks for short timeouts,
 * else 30 s; at once when our state changes, at most 3 per second), selection (members whose
 * partner is the same system and key as the lead member's join the one aggregator) and a mux
 * with coupled control (attached → synchronized; collecting and distributing once the
 * partner is in sync with us). A member carries traffic only when it is attached and its
 * partner says synchronized and collecting.
 *
 * Control path: runs from the bond's tick and when a LACPDU arrives (the bond parses it into
 * a reused Lacpdu first), so it allocates nothing per LACPDU either.
 */
import { LacpInfo, LacpState, type Lacpdu } from '../../lib/proto/lacp.js';

export const FAST_PERIODIC_MS = 1000;
export const SLOW_PERIODIC_MS = 30_000;
/** Partner information expires after three of its periods (Short/Long_Timeout_Time). */
const TIMEOUT_MULTIPLIER = 3;
/** 802.1AX 6.4.16: at most three LACPDUs in any Fast_Periodic_Time. */
const MAX_TX_PER_SECOND = 3;

export const RxStatus = { CURRENT: 0, EXPIRED: 1, DEFAULTED: 2 } as const;
export type RxStatus = (typeof RxStatus)[keyof typeof RxStatus];
export const RX_STATUS_NAMES = ['current', 'expired', 'defaulted'] as const;

export interface LacpSettings {
  /** true: send LACPDUs on our own (active); false: only in answer to an active partner. */
  active: boolean;
  /** Ask the partner for LACPDUs every second (timeouts after 3 s) rather than every 30 s. */
  fast: boolean;
  system: number;
  systemPriority: number;
  key: number;
  portPriority: number;
}

export class LacpMember {
  /** What we send as Actor for this member. */
  readonly actor = new LacpInfo();
  /** The partner as its last LACPDU described itself (zeros when defaulted). */
  readonly partner = new LacpInfo();
  status: RxStatus = RxStatus.DEFAULTED;
  /** The partner's LACPDU showed it agrees with what we say about ourselves, and is in sync. */
  partnerInSync = false;
  /** Selected into the bond's aggregator. */
  attached = false;
  /** The member's port can carry frames (its carrier). */
  carrier = false;
  /** Need To Transmit. */
  ntt = true;
  private rxDeadline = 0;
  private nextPeriodic = 0;
  private windowStart = 0;
  private sentInWindow = 0;
  rxPdus = 0;
  txPdus = 0;

  constructor(readonly settings: LacpSettings, port: number) {
    this.actor.system = settings.system;
    this.actor.systemPriority = settings.systemPriority;
    this.actor.key = settings.key;
    this.actor.portPriority = settings.portPriority;
    this.actor.port = port;
    this.actor.state = this.actorState();
  }

  /** Traffic may be sent on (and taken from) this member. */
  get mayEnable(): boolean {
    return this.attached && this.partnerInSync && (this.partner.state & LacpState.COLLECTING) !== 0;
  }

  /** recordPDU (802.1AX 6.4.9): the partner's information, and whether it is in sync with ours. */
  receive(pdu: Lacpdu, now: number): void {
    this.rxPdus++;
    if (!this.carrier) return;
    this.partner.copyFrom(pdu.actor);
    this.status = RxStatus.CURRENT;
    const agg = LacpState.AGGREGATION;
    const aboutUs = pdu.partner.sameAs(this.actor) && (pdu.partner.state & agg) === (this.actor.state & agg);
    this.partnerInSync = (pdu.actor.state & LacpState.SYNCHRONIZATION) !== 0 && (aboutUs || (pdu.actor.state & agg) === 0);
    // update_NTT: the partner's view of our state is out of date.
    const bits = LacpState.ACTIVITY | LacpState.TIMEOUT | LacpState.AGGREGATION | LacpState.SYNCHRONIZATION;
    if (!pdu.partner.sameAs(this.actor) || (pdu.partner.state & bits) !== (this.actor.state & bits)) this.ntt = true;
    this.rxDeadline = now + TIMEOUT_MULTIPLIER * (this.settings.fast ? FAST_PERIODIC_MS : SLOW_PERIODIC_MS);
  }

  /** Receive-machine timers and the carrier; returns true when the status changed. */
  expire(now: number, carrier: boolean): boolean {
    if (carrier !== this.carrier) {
      this.carrier = carrier;
      this.toDefaulted();
      this.ntt = carrier;
      return true;
    }
    if (!carrier || this.status === RxStatus.DEFAULTED || now < this.rxDeadline) return false;
    if (this.status === RxStatus.CURRENT) {
      // Expired: ask the partner to hurry (short timeout) and give it one short timeout more.
      this.status = RxStatus.EXPIRED;
      this.partner.state = (this.partner.state | LacpState.TIMEOUT) & ~LacpState.SYNCHRONIZATION;
      this.partnerInSync = false;
      this.rxDeadline = now + TIMEOUT_MULTIPLIER * FAST_PERIODIC_MS;
      this.ntt = true;
    } else {
      this.toDefaulted();
    }
    return true;
  }

  private toDefaulted(): void {
    this.status = RxStatus.DEFAULTED;
    this.partner.systemPriority = 0; this.partner.system = 0; this.partner.key = 0;
    this.partner.portPriority = 0; this.partner.port = 0; this.partner.state = 0;
    this.partnerInSync = false;
  }

  /** Can join an aggregator: a partner that speaks LACP and aggregates. */
  get selectable(): boolean {
    return this.carrier && this.status !== RxStatus.DEFAULTED && (this.partner.state & LacpState.AGGREGATION) !== 0;
  }

  /** Our state byte as the mux and receive machines leave it. */
  actorState(): number {
    let s = LacpState.AGGREGATION;
    if (this.settings.active) s |= LacpState.ACTIVITY;
    if (this.settings.fast) s |= LacpState.TIMEOUT;
    if (this.attached) {
      s |= LacpState.SYNCHRONIZATION;
      if (this.partnerInSync) s |= LacpState.COLLECTING | LacpState.DISTRIBUTING;
    }
    if (this.status === RxStatus.DEFAULTED) s |= LacpState.DEFAULTED;
    if (this.status === RxStatus.EXPIRED) s |= LacpState.EXPIRED;
    return s;
  }

  /** Bring the actor state up to date (NTT when it changed). */
  refreshActor(): void {
    const s = this.actorState();
    if (s !== this.actor.state) { this.actor.state = s; this.ntt = true; }
  }

  /** Periodic and NTT transmission: true when a LACPDU should be sent now (and counts it). */
  shouldTransmit(now: number): boolean {
    if (!this.carrier) return false;
    const partnerActive = (this.partner.state & LacpState.ACTIVITY) !== 0;
    if (!this.settings.active && !partnerActive) return false;
    // A defaulted partner gets the fast rate: it brings a new link up within a second.
    const period = this.status === RxStatus.DEFAULTED || (this.partner.state & LacpState.TIMEOUT) !== 0 ? FAST_PERIODIC_MS : SLOW_PERIODIC_MS;
    if (now >= this.nextPeriodic) this.ntt = true;
    if (!this.ntt) return false;
    if (now - this.windowStart >= FAST_PERIODIC_MS) { this.windowStart = now; this.sentInWindow = 0; }
    if (this.sentInWindow >= MAX_TX_PER_SECOND) return false;
    this.sentInWindow++;
    this.ntt = false;
    this.nextPeriodic = now + period;
    this.txPdus++;
    return true;
  }
}

/**
 * Selection (802.1AX 6.4.14, as OVS's lacp_update_attached): the lead is the selectable
 * member with the best (lowest) port priority and number; every selectable member whose
 * partner is the lead's partner system and key is attached, the others not.
 */
export function selectAggregator(members: readonly LacpMember[]): void {
  let lead: LacpMember | undefined;
  for (const m of members) {
    if (!m.selectable) continue;
    if (!lead || m.actor.portPriority < lead.actor.portPriority || (m.actor.portPriority === lead.actor.portPriority && m.actor.port < lead.actor.port)) lead = m;
  }
  for (const m of members) {
    m.attached = lead !== undefined && m.selectable && m.partner.system === lead.partner.system &&
      m.partner.systemPriority === lead.partner.systemPriority && m.partner.key === lead.partner.key;
    m.refreshActor();
  }
}
