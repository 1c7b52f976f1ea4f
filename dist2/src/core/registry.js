const types = new Map();
export function registerApp(name, cls, meta = {}) {
    types.set(name, { cls, ...meta });
}
export function appType(name) {
    return types.get(name);
}
export function appTypeNames() {
    return [...types.keys()].sort();
}
//# sourceMappingURL=registry.js.map