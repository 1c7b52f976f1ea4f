/**
 * Parsers for the /proc and /sys formats doctor and pod-info read. All are pure; the
 * cpu-list parser throws a RangeError naming the offending part, the others skip what they
 * cannot read.
 */
/** Highest CPU number accepted (Linux NR_CPUS max is 8192). */
export const MAX_CPU = 8191;
/** "0-3,8,10-11" -> [0,1,2,3,8,10,11]; "" and "(null)" -> []. Throws on malformed text. */
export function parseCpuList(text) {
    const t = text.trim();
    if (t === '' || t === '(null)')
        return [];
    const out = new Set();
    for (const part of t.split(',')) {
        const m = /^(\d+)(?:-(\d+))?(?::(\d+)\/(\d+))?$/.exec(part.trim());
        if (!m)
            throw new RangeError(`bad cpu list entry ${JSON.stringify(part)} in ${JSON.stringify(t.slice(0, 60))}`);
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[2]);
        if (hi < lo || hi > MAX_CPU)
            throw new RangeError(`bad cpu range ${JSON.stringify(part)}`);
        // isolcpus-style "lo-hi:used/group" keeps `used` of every `group` cpus.
        const used = m[3] === undefined ? 1 : Number(m[3]);
        const group = m[4] === undefined ? 1 : Number(m[4]);
        if (group === 0 || used > group)
            throw new RangeError(`bad cpu group ${JSON.stringify(part)}`);
        for (let c = lo; c <= hi; c++)
            if ((c - lo) % group < used)
                out.add(c);
    }
    return [...out].sort((a, b) => a - b);
}
/** [0,1,2,3,8,10,11] -> "0-3,8,10-11". */
export function formatCpuList(cpus) {
    const s = [...new Set(cpus)].sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i < s.length;) {
        let j = i;
        while (j + 1 < s.length && s[j + 1] === s[j] + 1)
            j++;
        parts.push(i === j ? `${s[i]}` : `${s[i]}-${s[j]}`);
        i = j + 1;
    }
    return parts.join(',');
}
/** Lenient cpu-list parse: the list, or undefined plus a message. */
export function tryCpuList(text) {
    if (text === undefined)
        return {};
    try {
        return { cpus: parseCpuList(text) };
    }
    catch (e) {
        return { error: e.message };
    }
}
/** "Key:   value unit" lines (meminfo, status) -> map of key to the value text. */
export function parseKeyValues(text) {
    const m = new Map();
    for (const line of text.split('\n')) {
        const i = line.indexOf(':');
        if (i > 0)
            m.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
    }
    return m;
}
/** Kernel command line -> ordered [key, value|undefined] pairs, honouring double quotes. */
export function parseCmdline(text) {
    const out = [];
    const re = /(?:[^\s"]+|"[^"]*")+/g;
    for (const tok of text.trim().match(re) ?? []) {
        const t = tok.replace(/"/g, '');
        const i = t.indexOf('=');
        out.push(i < 0 ? [t, undefined] : [t.slice(0, i), t.slice(i + 1)]);
    }
    return out;
}
/** Last value of a cmdline key (the kernel's rule for repeated keys), or undefined. */
export function cmdlineValue(args, key) {
    let v;
    let seen = false;
    for (const [k, val] of args)
        if (k === key) {
            v = val;
            seen = true;
        }
    return seen ? (v ?? '') : undefined;
}
/** /proc/mounts lines; octal escapes (\040 for space) decoded; short lines skipped. */
export function parseMounts(text) {
    const dec = (s) => s.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
    const out = [];
    for (const line of text.split('\n')) {
        const f = line.trim().split(/\s+/);
        if (f.length < 4)
            continue;
        out.push({ source: dec(f[0]), target: dec(f[1]), fstype: f[2], options: f[3].split(',') });
    }
    return out;
}
/** hugetlbfs "pagesize=" option ("2M", "1G", "1024M", "2048k") -> kB, or undefined. */
export function pageSizeKb(text) {
    const m = /^(\d+)\s*([kKmMgG]?)[bB]?$/.exec(text.trim());
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    return unit === 'g' ? n * 1024 * 1024 : unit === 'm' ? n * 1024 : unit === 'k' ? n : Math.floor(n / 1024);
}
/** 2048 -> "2M", 1048576 -> "1G". */
export function formatPageSize(kb) {
    if (kb % (1024 * 1024) === 0)
        return `${kb / (1024 * 1024)}G`;
    if (kb % 1024 === 0)
        return `${kb / 1024}M`;
    return `${kb}K`;
}
/** Capability bit numbers (linux/capability.h). */
export const CAP = { NET_ADMIN: 12, NET_RAW: 13, IPC_LOCK: 14, SYS_ADMIN: 21, SYS_NICE: 23, SYS_RESOURCE: 24 };
/** Hex capability mask from /proc/<pid>/status -> bigint, or undefined when malformed. */
export function parseCapMask(text) {
    if (text === undefined || !/^[0-9a-fA-F]{1,16}$/.test(text.trim()))
        return undefined;
    return BigInt(`0x${text.trim()}`);
}
export function hasCap(mask, bit) {
    return ((mask >> BigInt(bit)) & 1n) === 1n;
}
/** "5.14.0-362.el9.x86_64" -> [5, 14, 0]; undefined when it does not start with a version. */
export function parseKernelVersion(text) {
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text?.trim() ?? '');
    return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}
export function versionAtLeast(v, min) {
    for (let i = 0; i < min.length; i++) {
        if ((v[i] ?? 0) !== min[i])
            return (v[i] ?? 0) > min[i];
    }
    return true;
}
//# sourceMappingURL=parse.js.map