/**
 * `sluice completion bash|zsh` prints a shell completion script:
 *   source <(sluice completion bash)        or    sluice completion bash > /etc/bash_completion.d/sluice
 * Completes verbs, subcommands, options, and port/bridge names from the running daemon.
 */
import { readdirSync } from 'node:fs';
import { UsageError } from '../usage-error.js';

/** Subcommands per verb (static; verbs themselves are read from the commands folder). */
export const SUBCOMMANDS: Record<string, string[]> = {
  port: ['add', 'del', 'show', 'list'],
  bridge: ['add', 'del', 'addif', 'delif', 'show'],
  route: ['add', 'del', 'show', 'iface'],
  flow: ['add', 'del', 'dump'],
  capture: ['add', 'del', 'show'],
  trace: ['add', 'show', 'del'],
  show: ['config', 'ports', 'bridges', 'routes', 'captures', 'stats'],
  completion: ['bash', 'zsh'],
};

function verbs(): string[] {
  return readdirSync(new URL('./', import.meta.url)).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
}

export function bashScript(): string {
  const cases = Object.entries(SUBCOMMANDS).map(([v, s]) => `      ${v}) COMPREPLY=( $(compgen -W "${s.join(' ')}" -- "$cur") ); return ;;`).join('\n');
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
    del|show|addif|delif|dump|stats) case "$verb" in
      port|stats|capture|trace) COMPREPLY=( $(compgen -W "$(_sluice_names port)" -- "$cur") ) ;;
      bridge|flow) COMPREPLY=( $(compgen -W "$(_sluice_names bridge)" -- "$cur") ) ;;
    esac ;;
    type) COMPREPLY=( $(compgen -W "vhost-user virtio-user pcap gen sink null learning flow patch" -- "$cur") ) ;;
    apply|--config|-o|--plot) COMPREPLY=( $(compgen -f -- "$cur") ) ;;
  esac
}
complete -F _sluice sluice
`;
}

export function zshScript(): string {
  return `#compdef sluice
# zsh completion for sluice (uses the bash completion through bashcompinit)
autoload -U +X bashcompinit && bashcompinit
${bashScript()}`;
}

export async function main(argv: string[]): Promise<number> {
  const shell = argv[0];
  if (shell === 'bash') process.stdout.write(bashScript());
  else if (shell === 'zsh') process.stdout.write(zshScript());
  else throw new UsageError(`completion: shell must be bash or zsh, got "${shell ?? ''}"`);
  return 0;
}
