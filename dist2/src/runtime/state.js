/** A state that cannot be derived; the message names the field (`ports.p0.spec: ...`). */
export class StateError extends Error {
    constructor(message) { super(message); this.name = 'StateError'; }
}
/**
 * Configuring the engine failed (an app could not be made: a socket path in use, a missing
 * directory…) and nothing changed. `field` names the port when a port's app failed.
 */
export class ApplyError extends Error {
    field;
    cause;
    constructor(field, cause) {
        super(`${field !== undefined ? `${field}: ` : ''}${cause.message}`);
        this.field = field;
        this.cause = cause;
        this.name = 'ApplyError';
    }
}
/**
 * OpenFlow numbers of a bridge's ports: the `ofport` each member was given, else the lowest
 * free numbers in name order (states written before ports had numbers). Pure.
 */
export function bridgeOfports(b) {
    const out = {};
    const used = new Set();
    for (const [p, m] of Object.entries(b.ports))
        if (m.ofport !== undefined) {
            out[p] = m.ofport;
            used.add(m.ofport);
        }
    let next = 1;
    for (const p of Object.keys(b.ports).sort()) {
        if (out[p] !== undefined)
            continue;
        while (used.has(next))
            next++;
        out[p] = next;
        used.add(next);
    }
    return out;
}
//# sourceMappingURL=state.js.map