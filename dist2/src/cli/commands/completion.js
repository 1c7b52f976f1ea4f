/**
 * `sluice completion bash|zsh` prints a shell completion script:
 *   source <(sluice completion bash)        or    sluice completion bash > /etc/bash_completion.d/sluice
 * Completes verbs and subcommands (from the command table), options, the port kinds built in,
 * bridge types, and port/bridge names from the running daemon.
 */
import { UsageError } from '../usage-error.js';
import { VERBS } from '../command-table.js';
import { loadBuiltins } from '../../runtime/builtin.js';
import { portKindUsage } from '../../core/port-kinds.js';
/** Subcommands per verb, from the command table (plus `show`'s objects and the shells). */
export function subcommands() {
    const out = {};
    for (const v of VERBS)
        if (v.subs)
            out[v.name] = v.subs.flatMap((x) => [x.name, ...(x.aliases ?? [])]);
    out.show = ['config', 'ports', 'bridges', 'routes', 'captures', 'stats'];
    out.completion = ['bash', 'zsh'];
    return out;
}
function verbs() { return VERBS.map((v) => v.name); }
export function bashScript(kinds = []) {
    const cases = Object.entries(subcommands()).map(([v, s]) => `      ${v}) COMPREPLY=( $(compgen -W "${s.join(' ')}" -- "$cur") ); return ;;`).join('\n');
    return `# bash completion for sluice
_sluice_names() {
  sluice "$1" show -j 2>/dev/null | tr ',{}[]' '\\n\\n\\n\\n\\n' | sed -n 's/^"name":"\\([^"]*\\)"$/\\1/p'
}
_sluice() {
  local cur prev verb
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  verb="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${verbs().join(' ')}" -- "$cur") ); return
  fi
  case "$cur" in -*) COMPREPLY=( $(compgen -W "-j -p --socket --help" -- "$cur") ); return ;; esac
  if [ "$COMP_CWORD" -eq 2 ]; then
    case "$verb" in
${cases}
    esac
  fi
  case "$prev" in
    del|show|addif|setif|delif|dump|stats|mod|trace|flush) case "$verb" in
      port|stats|capture|trace) COMPREPLY=( $(compgen -W "$(_sluice_names port)" -- "$cur") ) ;;
      bridge|flow|fdb) COMPREPLY=( $(compgen -W "$(_sluice_names bridge)" -- "$cur") ) ;;
    esac ;;
    type) case "$verb" in
      bridge) COMPREPLY=( $(compgen -W "learning flow patch" -- "$cur") ) ;;
      *) COMPREPLY=( $(compgen -W "${kinds.join(' ')}" -- "$cur") ) ;;
    esac ;;
    apply|--config|-o|--plot) COMPREPLY=( $(compgen -f -- "$cur") ) ;;
  esac
}
complete -F _sluice sluice
`;
}
export function zshScript(kinds = []) {
    return `#compdef sluice
# zsh completion for sluice (uses the bash completion through bashcompinit)
autoload -U +X bashcompinit && bashcompinit
${bashScript(kinds)}`;
}
export async function main(argv) {
    const shell = argv[0];
    if (shell !== 'bash' && shell !== 'zsh')
        throw new UsageError(`completion: shell must be bash or zsh, got "${shell ?? ''}"`);
    // The port kinds actually built in, for `port add NAME type <TAB>`.
    await loadBuiltins();
    const kinds = portKindUsage().map((u) => /^[a-z0-9-]+/.exec(u)[0]);
    process.stdout.write(shell === 'bash' ? bashScript(kinds) : zshScript(kinds));
    return 0;
}
//# sourceMappingURL=completion.js.map