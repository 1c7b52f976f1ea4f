import { PortSpecError } from './port-spec.js';
const kinds = new Map();
export function registerPortKind(kind, k) { kinds.set(kind, k); }
export function portApp(spec) {
    const k = kinds.get(spec.kind);
    if (!k)
        throw new PortSpecError(`port spec "${spec.text}": unknown kind "${spec.kind}" (known: ${[...kinds.keys()].sort().join(', ')})`);
    return k.app(spec);
}
export function portKindUsage() {
    return [...kinds.entries()].sort().map(([, k]) => k.usage);
}
//# sourceMappingURL=port-kinds.js.map