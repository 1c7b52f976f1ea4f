#!/usr/bin/env bash
# Where the cycles go on BOTH cores of the perfbench loop (../shared/perfbench/anchors.sh),
# for testpmd-as-switch and Sluice in the same run (alternating rounds, same load).
#
#   bench/perfbench-profile.sh [-d SECS] [-r ROUNDS] [-m basic|jit|deopt] [-o DIR] [-- anchors args]
#
# For every run it waits for the start of anchors.sh's measurement window (the generator's
# baseline "show port stats"), then samples both cores system-wide with
# `perf record -e cpu-clock -a -C 0,1` (this VM has no hardware counters) for SECS-1 seconds.
# Per run it prints, for each core, the share of the core each process used and what that
# is in TSC cycles per forwarded packet (core share x TSC Hz / aggregate pps), and the hottest
# symbols per core. Node runs with --perf-basic-prof (-m basic: JIT function names via
# /tmp/perf-PID.map) or --perf-prof (-m jit: jit-PID.dump, `perf record -k 1`, `perf inject -j`,
# then `perf annotate` of the hottest JS function: the instruction-level view). -m deopt runs
# Sluice with --trace-opt --trace-deopt and lists what was deoptimised after warm-up.
# Needs root (anchors.sh), linux-perf. Build first (npm run build).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
anchors=${PERFBENCH:-/work/shared/perfbench/anchors.sh}
DUR=6 ROUNDS=1 MODE=basic OUT=/tmp/sluice-profile-$(date +%H%M%S)
while [ $# -gt 0 ]; do
  case $1 in
    -d) DUR=$2; shift 2 ;; -r) ROUNDS=$2; shift 2 ;; -m) MODE=$2; shift 2 ;; -o) OUT=$2; shift 2 ;;
    --) shift; break ;; -h|--help) sed -n 2,16p "$0"; exit 0 ;; *) break ;;
  esac
done
mkdir -p "$OUT/scratch"
NODE=${NODE:-node}
case $MODE in
  basic) NFLAGS="--perf-basic-prof" ;;
  jit) NFLAGS="--perf-prof --interpreted-frames-native-stack"
       "$NODE" --version | grep -q '^v20' && NFLAGS="$NFLAGS --no-write-protect-code-memory" ;;
  deopt) NFLAGS="--trace-opt --trace-deopt" ;;
  *) echo "unknown -m $MODE" >&2; exit 2 ;;
esac
SW="cd $OUT/scratch && exec $NODE $NFLAGS $here/bin/sluice.js switch --port vhost-user:{SOCK0} --port vhost-user:{SOCK1} --mode patch"
TSC_MHZ=$(dmesg 2>/dev/null | sed -n 's/.*Refined TSC clocksource calibration: \([0-9.]*\) MHz.*/\1/p' | tail -1)
[ -z "$TSC_MHZ" ] && TSC_MHZ=$(dmesg 2>/dev/null | sed -n 's/.*tsc: Detected \([0-9.]*\) MHz.*/\1/p' | tail -1)
[ -z "$TSC_MHZ" ] && TSC_MHZ=$(awk '/cpu MHz/{print $4; exit}' /proc/cpuinfo)
echo "profile: out=$OUT mode=$MODE dur=${DUR}s rounds=$ROUNDS tsc=${TSC_MHZ}MHz node=$($NODE --version) load=[$(cut -d' ' -f1-3 /proc/loadavg)]"

# Watcher: for each run's generator log, start perf at the window's baseline stats (the 2nd
# "show port stats all", i.e. 4 Tx-pps lines) and stop it before the window ends.
REC=$(( DUR > 2 ? DUR - 1 : 1 ))
# Cross-core cache-line round trip (bench/xcore-latency.c), taken while each run's switch
# starts (before the generator): where the host put the two vCPUs (same L3 or not).
XCORE=$OUT/xcore; cc -O2 -pthread -o "$XCORE" "$here/bench/xcore-latency.c" 2> /dev/null || XCORE=
watch_runs() {
  local seen=" " seenx=" "
  while :; do
    for l in "$OUT"/pb/run*.switch.log; do
      [ -e "$l" ] && [ -n "$XCORE" ] || continue
      case $seenx in *" $l "*) continue ;; esac
      seenx="$seenx$l "
      "$XCORE" 0.5 | awk '{sub(/.*rtt_ns=/, ""); print}' | sort -n | awk '{a[NR]=$1} END{print "xcore_rtt_ns=" a[int((NR+1)/2)]}' > "${l%.switch.log}.xcore"
    done
    for g in "$OUT"/pb/run*.gen.log; do
      [ -e "$g" ] || continue
      case $seen in *" $g "*) continue ;; esac
      [ "$(grep -c 'Tx-pps:' "$g" 2>/dev/null)" -ge 4 ] || continue
      seen="$seen$g "
      local base=${g%.gen.log}
      local kflag=(); [ "$MODE" = jit ] && kflag=(-k 1)
      # The loop's two processes (other load on the host is reported as "other").
      # Newest processes on this loop's sockets (other testpmds on the host are "other").
      local gp sp; gp=$(pgrep -n -f 'dpdk-testpmd.*net_virtio_user0,path=/tmp/perfbench-run')
      sp=$(pgrep -n -f 'dpdk-testpmd.*net_vhost0,iface=/tmp/perfbench-run|sluice.js switch --port vhost-user:/tmp/perfbench-run')
      { echo "gen $gp $(ls /proc/$gp/task 2>/dev/null | tr '\n' ' ')"
        echo "switch $sp $(ls /proc/$sp/task 2>/dev/null | tr '\n' ' ')"; } > "$base.pids"
      perf record -q -e cpu-clock -a -C 0,1 "${kflag[@]}" -o "$base.perf.data" -- sleep "$REC" > /dev/null 2>&1 || true
    done
    sleep 0.2
  done
}
watch_runs & WPID=$!
trap 'kill $WPID 2>/dev/null || true' EXIT
"$anchors" -d "$DUR" -r "$ROUNDS" -o "$OUT/pb" "$@" testpmd --switch sluice="$SW" | grep -E '^(switch=|median|ratio)' || true
sleep 1; kill $WPID 2>/dev/null || true

# Per run: core shares -> cycles per packet, and the hottest symbols per core.
set +e +o pipefail   # report pipelines end in `head` (SIGPIPE is not a failure here)
for data in "$OUT"/pb/run*.perf.data; do
  [ -e "$data" ] || continue
  base=${data%.perf.data}; run=$(basename "$base"); idx=${run#run}; idx=${idx%%-*}
  line=$(grep " run=$idx " "$OUT/pb/results.txt" || true)
  agg=$(sed -n 's/.*agg_mpps=\([0-9.]*\).*/\1/p' <<< "$line")
  input=$data
  if [ "$MODE" = jit ]; then
    (cd "$OUT/scratch" && perf inject -j -i "$data" -o "$base.jit.data" 2> /dev/null) && input=$base.jit.data
  fi
  echo "== $run  $(sed 's/^switch=[^ ]* //' <<< "$line") $(cat "$base.xcore" 2> /dev/null)"
  # Per core: share of samples per process, converted to cycles per forwarded packet.
  gpid=$(awk '$1=="gen"{print $2}' "$base.pids"); spid=$(awk '$1=="switch"{print $2}' "$base.pids")
  gtids=$(awk '$1=="gen"{$1=$2=""; print}' "$base.pids"); stids=$(awk '$1=="switch"{$1=$2=""; print}' "$base.pids")
  perf report -i "$input" --sort cpu,pid --stdio -q 2> /dev/null | awk -v mhz="$TSC_MHZ" -v agg="$agg" -v g="$gtids" -v s="$stids" '
    BEGIN { n = split(g, a, " "); for (i = 1; i <= n; i++) G[a[i]] = 1; n = split(s, a, " "); for (i = 1; i <= n; i++) S[a[i]] = 1 }
    $1 ~ /%$/ && NF >= 3 { pct = $1; sub(/%/, "", pct); cpu = $2 + 0; split($3, pc, ":"); who = "other"
      if (pc[1] in G) who = "generator"; else if (pc[1] in S) who = "switch"; else if (pc[2] == "swapper") who = "idle"
      tot[cpu] += pct; share[cpu, who] += pct }
    END {
      for (c = 0; c <= 1; c++) { line = ""
        for (k = 1; k <= 4; k++) { who = (k == 1) ? "switch" : (k == 2) ? "generator" : (k == 3) ? "other" : "idle"
          if (tot[c] == 0) continue; x = share[c, who] / tot[c]
          cyc = (agg > 0 && k <= 2) ? sprintf(" = %.0f cyc/pkt", x * mhz / agg) : ""
          line = line sprintf("  %s %.0f%%%s;", who, 100 * x, cyc) }
        printf "   core %d:%s\n", c, line }
    }'
  for c in 0 1; do
    echo "   core $c hottest (switch pid $spid, generator pid $gpid):"
    perf report -i "$input" --cpu "$c" --pid "$spid,$gpid" -F overhead,comm,dso,sym --stdio -q 2> /dev/null | grep -v '^$' | head -10 | cut -c1-170 | sed 's/ \+/ /g; s/^/     /'
  done
  if [ "$MODE" = jit ] && [[ $run == *sluice* ]]; then
    sym=$(perf report -i "$input" --cpu 1 --sort symbol --stdio -q 2> /dev/null | awk '/JS:/{ $1=""; $2=""; sub(/^ +/, ""); print; exit }')
    if [ -n "$sym" ]; then
      echo "   annotate (hottest lines of $sym):"
      perf annotate -i "$input" --stdio -s "$sym" 2> /dev/null | awk '$1 ~ /^[0-9.]+$/ && $1 + 0 >= 2.0' | sort -rn | head -12 | sed 's/^/     /'
    fi
  fi
done
if [ "$MODE" = deopt ]; then
  for l in "$OUT"/pb/run*-sluice.switch.log; do
    echo "== $(basename "$l"): optimised / deoptimised hot functions (net-io, ring-set, device-queue)"
    grep -E 'completed (optimizing|compiling)|bailout|deoptimiz' "$l" | grep -E 'forwardGuestToGuest|putMergeable|popChain|forwardTo|forwardOnLink|addUsed|dequeueFromGuest|enqueueToGuest' |
      sed -E 's/0x[0-9a-f]+//g' | cut -c1-160 | sort | uniq -c | sort -rn | head -20
  done
fi
echo "profile: logs and perf data in $OUT (load now [$(cut -d' ' -f1-3 /proc/loadavg)])"
