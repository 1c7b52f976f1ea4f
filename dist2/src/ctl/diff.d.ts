/**
 * What `sluice apply --dry-run` prints: the difference between two desired states as a
 * list of changes, each `+` (added), `-` (removed) or `~` (changed) at a dotted path,
 * e.g. `+ ports.vm3 {"spec":"vhost-user:/run/vm3.sock"}` or `- bridges.br0.ports.vm1`.
 * Collections are compared member by member (ports, bridge members, flows, router
 * interfaces, routes, captures) so a change to one member is one line.
 */
import type { DesiredState } from './model.js';
export interface Change {
    op: '+' | '-' | '~';
    path: string;
    from?: unknown;
    to?: unknown;
}
/** Changes that take state `a` to state `b` (empty when they are the same). */
export declare function diffState(a: DesiredState, b: DesiredState): Change[];
/** One line per change. */
export declare function formatChanges(changes: Change[]): string;
