/**
 * Bridge port VLAN configuration: turns `{ ports: { name: { vlan?, trunk?, native? } } }` into
 * the typed arrays the forwarding loop reads. Control path; throws `Error` naming the field
 * (`ports.p0.trunk[2]`) for anything invalid.
 *
 *   access port  `vlan: V` (default V = 1 when neither vlan nor trunk is given): untagged on
 *                the wire, member of V only; tagged frames arriving on it are dropped.
 *   trunk port   `trunk: [V...]`: tagged member of each V; `native: N` adds N as the VLAN of
 *                untagged frames (sent untagged); without native, untagged frames are dropped.
 *
 * `egress[port * 4096 + vid]` is 0 (not a member), 1 (member, untagged on the wire) or
 * 2 (member, tagged on the wire). `untaggedVlan[port]` is the VLAN an untagged frame arriving
 * on the port belongs to, or 0 when untagged frames are not accepted.
 */
export const VLAN_COUNT = 4096;
/** Ports a bridge may have (port numbers fit the u16 MAC-table value with room to spare). */
export const MAX_BRIDGE_PORTS = 1024;
function vid(field, v) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 4094) {
        throw new Error(`${field} must be a VLAN id 1..4094, got ${JSON.stringify(v)}`);
    }
    return v;
}
/** Validates and compiles the ports map. Allocates; throws naming the bad field. */
export function compilePorts(ports) {
    if (typeof ports !== 'object' || ports === null || Array.isArray(ports))
        throw new Error('ports must be a map of port name -> { vlan | trunk, native }');
    const names = Object.keys(ports).sort();
    if (names.length === 0)
        throw new Error('ports must name at least one port');
    if (names.length > MAX_BRIDGE_PORTS)
        throw new Error(`ports: at most ${MAX_BRIDGE_PORTS} ports, got ${names.length}`);
    const n = names.length;
    const egress = new Uint8Array(n * VLAN_COUNT);
    const untaggedVlan = new Uint16Array(n);
    const access = new Uint8Array(n);
    const index = new Map();
    for (let i = 0; i < n; i++) {
        const name = names[i];
        if (!/^[A-Za-z_][\w-]*$/.test(name))
            throw new Error(`ports.${name}: port names must match [A-Za-z_][\\w-]* (they name links)`);
        index.set(name, i);
        const a = (ports[name] ?? {});
        if (typeof a !== 'object' || a === null)
            throw new Error(`ports.${name} must be an object`);
        for (const k of Object.keys(a))
            if (k !== 'vlan' && k !== 'trunk' && k !== 'native')
                throw new Error(`ports.${name}.${k}: unknown key (expected vlan, trunk, native)`);
        if (a.vlan !== undefined && a.trunk !== undefined)
            throw new Error(`ports.${name}: give vlan (access) or trunk, not both`);
        if (a.native !== undefined && a.trunk === undefined)
            throw new Error(`ports.${name}.native: only a trunk port has a native VLAN`);
        const base = i * VLAN_COUNT;
        if (a.trunk === undefined) {
            const v = a.vlan === undefined ? 1 : vid(`ports.${name}.vlan`, a.vlan);
            egress[base + v] = 1;
            untaggedVlan[i] = v;
            access[i] = 1;
            continue;
        }
        if (!Array.isArray(a.trunk) || a.trunk.length === 0)
            throw new Error(`ports.${name}.trunk must be a non-empty list of VLAN ids`);
        for (let j = 0; j < a.trunk.length; j++) {
            const v = vid(`ports.${name}.trunk[${j}]`, a.trunk[j]);
            egress[base + v] = 2;
        }
        if (a.native !== undefined) {
            const v = vid(`ports.${name}.native`, a.native);
            egress[base + v] = 1;
            untaggedVlan[i] = v;
        }
    }
    return { names, index, egress, untaggedVlan, access };
}
//# sourceMappingURL=ports.js.map