#!/bin/sh
# Instructions per packet of one bench/icount.ts scenario under callgrind (repeatable, unlike
# wall-clock on a shared machine): Ir(2N) - Ir(N), divided by the packets of N iterations.
# Usage: bench/icount.sh SCENARIO N   (after `npx tsc -p .`)
set -e
cd "$(dirname "$0")/.."
s=$1; n=$2
run() {
  out=$(valgrind --tool=callgrind --smc-check=all --callgrind-out-file=/dev/null node --no-concurrent-recompilation --no-concurrent-osr dist/bench/icount.js "$s" "$1" 2>&1)
  echo "$out" | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  echo "$out" | sed -n 's/^packets=\([0-9.]*\).*/\1/p' >&2
}
a=$(run "$n" 2>/tmp/icount.$$.a); b=$(run $((2 * n)) 2>/tmp/icount.$$.b)
pa=$(cat /tmp/icount.$$.a); pb=$(cat /tmp/icount.$$.b); rm -f /tmp/icount.$$.a /tmp/icount.$$.b
echo "$s Ir_per_pkt=$(echo "scale=2; ($b - $a) / ($pb - $pa)" | bc) (Ir $a -> $b, packets $pa -> $pb)"
