#!/usr/bin/env bash
# The torture run (see bench/torture.ts): two QEMU guests and a testpmd peer on a Sluice
# daemon's bridge while faults are injected at random; at the end Sluice is up, its packets
# add up and no buffer leaked. Default 30 minutes; the test suite runs it for two.
#   bench/torture.sh [SECONDS] [--seed S] [--keep]
# Needs root, qemu-system-x86_64, dpdk-testpmd and ../shared/vmharness (its guest built).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-1800}; shift || true
[ -f dist/bench/torture.js ] || npm run build >/dev/null
exec node dist/bench/torture.js --seconds "$secs" "$@"
