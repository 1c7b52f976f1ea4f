/**
 * `sluice help --man`: the sluice(1) man page in roff, generated from the command table so
 * it says exactly what `--help` says (`sluice help --man > /usr/share/man/man1/sluice.1`).
 */
import { VERBS, GLOBAL_HELP } from './command-table.js';
/** Text as roff: backslashes doubled, a leading dot or quote protected. */
function roff(t) {
    return t.replace(/\\/g, '\\e').split('\n').map((l) => (/^[.']/.test(l) ? `\\&${l}` : l)).join('\n');
}
export function manPage(version) {
    const out = [
        `.TH SLUICE 1 "" "sluice ${version}" "User Commands"`,
        '.SH NAME', 'sluice \\- userspace virtual switch and NFV dataplane',
        '.SH SYNOPSIS', '.B sluice', '[\\-j|\\-p] [\\-\\-socket PATH] VERB [ARGS] [\\-\\-help]', '.br', '.B sluice \\-\\-version',
        '.SH DESCRIPTION', roff('Sluice switches packets between vhost-user, virtio-user, memif, AF_PACKET, TAP and pcap ports on polling engines. `sluice daemon` runs it with a management API; the other verbs talk to that daemon, or run a switch of their own (switch, run, demo).'),
        '.SH GLOBAL OPTIONS', roff(GLOBAL_HELP),
        '.SH COMMANDS',
    ];
    for (const v of VERBS) {
        out.push(`.SS ${v.name}`, roff(v.about));
        const usage = v.subs ? v.subs.flatMap((s) => s.usage) : v.usage;
        for (const u of usage)
            out.push('.br', roff(u.startsWith(' ') ? u.trim() : `sluice ${u}`));
        for (const s of v.subs ?? [])
            out.push('.TP', `.B ${s.name}${s.aliases ? ` (${s.aliases.join(', ')})` : ''}`, roff(s.about));
        for (const a of v.args ?? [])
            out.push('.br', roff(a));
        out.push('.PP', 'Example:', '.nf', ...(v.example.map(roff)), '.fi');
    }
    out.push('.SH EXIT STATUS', '0 ok, 1 refused, 2 usage, 3 no daemon, 4 timeout, 5 permission denied on the API socket.', 'Errors are one line on stderr, or {"error":{"code","message"}} on stdout under \\-j.', '.SH SEE ALSO', 'sluice completion bash|zsh; README.md and src/ctl/README.md in the source tree.');
    return out.join('\n') + '\n';
}
//# sourceMappingURL=man.js.map