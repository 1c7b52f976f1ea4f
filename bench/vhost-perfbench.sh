#!/usr/bin/env bash
# Sluice vs dpdk-testpmd as a 2-port vhost-user switch in the shared perfbench loop
# (../shared/perfbench/anchors.sh): 64-byte frames, one switch core, same run, prints both
# aggregate Mpps and the ratio sluice/testpmd. Extra args go to anchors.sh (e.g. -d 5 -r 3).
#
# SLUICE_SWITCH selects the Sluice command: 'cli' (default: the real CLI, `sluice switch
# --port vhost-user:A --port vhost-user:B --mode patch`), 'engine' (core Engine + two vhost-user
# apps from test/support, same single-copy patch) or 'patch' (ports driven directly, no engine).
# Run `npx tsc -p .` first. Needs root (anchors.sh: hugepages, netns).
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
exec "$anchors" "$@" testpmd --switch sluice="$cmd"
