/**
 * Port specs as users type them (testpmd --vdev style): `KIND:ARG[,key=value|flag...]`,
 * e.g. `pcap:in.pcap,out=out.pcap`, `gen:size=64,flows=16`, `vhost-user:/tmp/p0.sock,client`.
 * When ARG contains '=', it is an option, not a positional argument (`gen:size=64`).
 */
import { parseIpv4 } from '../lib/proto/addr.js';
export class PortSpecError extends Error {
}
export function parsePortSpec(text) {
    if (typeof text !== 'string' || text.trim() === '')
        throw new PortSpecError('empty port spec');
    // The kind ends at the first ':' (then a positional argument may follow) or ',' (options
    // only, e.g. `sink,name=s0`).
    const m = /^([^:,]*)([:,]?)(.*)$/s.exec(text);
    const kind = m[1].trim();
    if (!/^[a-z][a-z0-9-]*$/.test(kind))
        throw new PortSpecError(`port spec "${text}": bad kind "${kind}"`);
    const rest = m[3];
    if (m[2] === ',' && rest === '')
        throw new PortSpecError(`port spec "${text}": empty option`);
    const parts = rest === '' ? [] : rest.split(',');
    let arg = '';
    const options = {};
    parts.forEach((part, i) => {
        const eq = part.indexOf('=');
        if (i === 0 && eq < 0 && m[2] === ':') {
            arg = part;
            return;
        }
        if (part === '')
            throw new PortSpecError(`port spec "${text}": empty option`);
        const key = eq < 0 ? part : part.slice(0, eq);
        if (!/^[a-z][a-z0-9_-]*$/.test(key))
            throw new PortSpecError(`port spec "${text}": bad option name "${key}"`);
        if (key in options)
            throw new PortSpecError(`port spec "${text}": option "${key}" given twice`);
        options[key] = eq < 0 ? true : part.slice(eq + 1);
    });
    return { text, kind, arg, options };
}
/** Read an integer option in [min, max]; throws naming the option. */
export function intOption(spec, key, min, max, dflt) {
    const v = spec.options[key];
    if (v === undefined)
        return dflt;
    const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new PortSpecError(`port spec "${spec.text}": ${key} must be an integer in [${min}, ${max}], got "${v === true ? '' : v}"`);
    }
    return n;
}
export function numberOption(spec, key, min, max) {
    const v = spec.options[key];
    if (v === undefined)
        return undefined;
    const n = typeof v === 'string' ? Number(v.replace(/[kK]$/, 'e3').replace(/[mM]$/, 'e6')) : NaN;
    if (!Number.isFinite(n) || n < min || n > max)
        throw new PortSpecError(`port spec "${spec.text}": ${key} must be a number in [${min}, ${max}], got "${v === true ? '' : v}"`);
    return n;
}
export function stringOption(spec, key) {
    const v = spec.options[key];
    if (v === true)
        throw new PortSpecError(`port spec "${spec.text}": ${key} needs a value (${key}=...)`);
    return v;
}
const MAC_RE = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;
/** A MAC address option (aa:bb:cc:dd:ee:ff), as the apps' schemas take it. */
export function macOption(spec, key) {
    const v = stringOption(spec, key);
    if (v !== undefined && !MAC_RE.test(v))
        throw new PortSpecError(`port spec "${spec.text}": ${key} must be a MAC address like 02:00:00:00:00:01, got "${v}"`);
    return v;
}
/** A dotted IPv4 address option. */
export function ipv4Option(spec, key) {
    const v = stringOption(spec, key);
    if (v !== undefined) {
        try {
            parseIpv4(v);
        }
        catch {
            throw new PortSpecError(`port spec "${spec.text}": ${key} must be an IPv4 address like 10.0.0.1, got "${v}"`);
        }
    }
    return v;
}
/** Throw if the spec has options not in `allowed`. */
export function checkOptions(spec, allowed) {
    for (const k of Object.keys(spec.options)) {
        if (!allowed.includes(k))
            throw new PortSpecError(`port spec "${spec.text}": unknown option "${k}" for ${spec.kind} (known: ${allowed.join(', ') || 'none'})`);
    }
}
/** `text` without option `key` (e.g. the switch's `name=`, which names the port rather than configuring it). */
export function specWithout(text, key) {
    const m = /^([^:,]*)([:,]?)(.*)$/s.exec(text);
    const parts = m[3] === '' ? [] : m[3].split(',');
    const kept = parts.filter((p, i) => (i === 0 && m[2] === ':' && !p.includes('=')) || (p !== key && !p.startsWith(`${key}=`)));
    return kept.length ? `${m[1]}${m[2]}${kept.join(',')}` : m[1];
}
//# sourceMappingURL=port-spec.js.map