#!/usr/bin/env bash
# Costs as work grows: 2, 8, 32, 64 vhost-user ports (COUNTS), Sluice `switch --mode patch`
# next to testpmd as the switch, driven by ONE generator testpmd with as many net_virtio_user
# vdevs (io forwarding, 64-byte frames, ports paired 0-1, 2-3, ...), as the perfbench loop.
#
#   bench/port-scaling.sh [-d SECS] [-o DIR]        (root: hugepages; needs dpdk-testpmd)
#
# Per switch and port count: aggregate Mpps, switch-core TSC cycles per packet (the switch's
# CPU time over the window x TSC Hz / packets: testpmd polls every vdev too, so compare
# cycles, not its rate), the switch's RSS (and its growth per added port), and for Sluice the idle CPU share
# with every port connected and no traffic (before the generator starts sending). Prints a
# table, the rate change 2 -> 64 ports per core (target: no more than 20% down), and writes
# DIR/port-scaling.svg (cycles/packet against ports, both switches).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
DUR=5 OUT=/tmp/port-scaling-$(date +%H%M%S)
while [ $# -gt 0 ]; do
  case $1 in -d) DUR=$2; shift 2 ;; -o) OUT=$2; shift 2 ;; -h|--help) sed -n 2,13p "$0"; exit 0 ;; *) echo "unknown $1" >&2; exit 2 ;; esac
done
COUNTS=${COUNTS:-2 8 32 64}
SW_CPU=${SW_CPU:-1} GEN_CPU=${GEN_CPU:-0} WARMUP=${WARMUP:-3} IDLE=${IDLE:-3}
NODE=${NODE:-node}
mkdir -p "$OUT"
RUN=$(mktemp -d /tmp/port-scaling-run.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2> /dev/null || true; done; sleep 0.5
            for p in "${PIDS[@]}"; do kill -KILL -- "-$p" 2> /dev/null || true; done; rm -rf "$RUN"; }
trap cleanup EXIT
TSC_MHZ=$(dmesg 2> /dev/null | sed -n 's/.*tsc: Detected \([0-9.]*\) MHz.*/\1/p' | tail -1)
[ -z "$TSC_MHZ" ] && TSC_MHZ=$(awk '/cpu MHz/{print $4; exit}' /proc/cpuinfo)
HZ=$(getconf CLK_TCK)
jiffies() { local t=0 p; for p in $(pgrep -g "$1"); do t=$(( t + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2> /dev/null || echo 0) )); done; echo $t; }
rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$1/status" 2> /dev/null || echo 0; }
echo "port-scaling: out=$OUT dur=${DUR}s counts=[$COUNTS] tsc=${TSC_MHZ}MHz node=$($NODE --version) load=[$(cut -d' ' -f1-3 /proc/loadavg)]"
printf '%-8s %5s %9s %10s %9s %9s\n' switch ports agg_mpps sw_cyc_pkt rss_mb idle_cpu | tee "$OUT/table.txt"

# Debian's DPDK is built with RTE_MAX_ETHPORTS=32: above 32 ports the generator (and testpmd as
# the switch) is split into processes of at most 32 ports each, all on the same core.
MAXP=32
mac() { printf '02:00:00:00:%02x:%02x' $(($1 / 256)) $(($1 % 256 + 1)); }

run_one() {         # run_one KIND N
  local kind=$1 n=$2 d=$RUN/$1-$2 i g socks=() spids=() gpids=() gfds=()
  mkdir -p "$d"
  for ((i = 0; i < n; i++)); do socks+=("$d/s$i.sock"); done
  if [ "$kind" = sluice ]; then
    local args=(); for s in "${socks[@]}"; do args+=(--port "vhost-user:$s"); done
    setsid taskset -c "$SW_CPU" "$NODE" "$here/bin/sluice.js" switch "${args[@]}" --mode patch > "$d/switch.log" 2>&1 < /dev/null &
    spids+=($!)
  else
    for ((g = 0; g * MAXP < n; g++)); do
      local v=(); for ((i = g * MAXP; i < n && i < (g + 1) * MAXP; i++)); do v+=(--vdev "net_vhost$i,iface=${socks[$i]},queues=1"); done
      setsid dpdk-testpmd --lcores "0@$GEN_CPU,1@$SW_CPU" --no-pci --single-file-segments --in-memory "${v[@]}" \
        -- --stats-period 5 --forward-mode=io --auto-start --nb-cores=1 --total-num-mbufs=$(( 16384 + MAXP * 1024 )) \
        --record-core-cycles > "$d/switch$g.log" 2>&1 < /dev/null &
      spids+=($!)
    done
  fi
  PIDS+=("${spids[@]}")
  for i in $(seq 600); do local ok=1; for s in "${socks[@]}"; do [ -S "$s" ] || ok=0; done; [ $ok = 1 ] && break; sleep 0.1; done
  local rss0=0; for p in "${spids[@]}"; do rss0=$(( rss0 + $(rss_kb "$p") )); done
  for ((g = 0; g * MAXP < n; g++)); do
    local vdevs=() peers=()
    for ((i = g * MAXP; i < n && i < (g + 1) * MAXP; i++)); do
      vdevs+=(--vdev "net_virtio_user$i,path=${socks[$i]},queues=1,mac=$(mac $i)")
      peers+=(--eth-peer="$(( i - g * MAXP )),$(mac $(( i ^ 1 )))")
    done
    local fifo=$d/gen$g.in; mkfifo "$fifo"; local fd; exec {fd}<> "$fifo"; gfds+=("$fd")
    setsid stdbuf -oL dpdk-testpmd --lcores "0@$SW_CPU,1@$GEN_CPU" --no-pci --single-file-segments --in-memory "${vdevs[@]}" \
      -- -i --burst=32 --nb-cores=1 --total-num-mbufs=$(( 16384 + MAXP * 1024 )) "${peers[@]}" < "$fifo" > "$d/gen$g.log" 2>&1 &
    gpids+=($!)
  done
  PIDS+=("${gpids[@]}")
  for ((g = 0; g < ${#gpids[@]}; g++)); do
    for i in $(seq 600); do grep -q 'testpmd>' "$d/gen$g.log" 2> /dev/null && break; sleep 0.1; done
  done
  sleep 1
  # Idle: every port connected, nothing sent.
  local idle=NA
  if [ "$kind" = sluice ]; then
    local j0 j1; j0=$(jiffies "${spids[0]}"); sleep "$IDLE"; j1=$(jiffies "${spids[0]}")
    idle=$(awk -v a="$j0" -v b="$j1" -v hz="$HZ" -v s="$IDLE" 'BEGIN{printf "%.1f%%", 100 * (b - a) / hz / s}')
  fi
  local rss1=0; for p in "${spids[@]}"; do rss1=$(( rss1 + $(rss_kb "$p") )); done
  gsend() { local f; for f in "${gfds[@]}"; do printf '%s\n' "$@" >&"$f"; done; }
  rxsum() {   # RX-packets over every port of every generator, from the output after offsets "$@"
    local t=0 g=0 o; for o in "$@"; do
      t=$(( t + $(tail -c +$((o + 1)) "$d/gen$g.log" | awk '/RX-packets:/{s += $2} END{print s + 0}') )); g=$((g + 1)); done; echo $t; }
  offs() { local g; for ((g = 0; g < ${#gpids[@]}; g++)); do stat -c %s "$d/gen$g.log"; done; }
  swj() { local t=0 p; for p in "${spids[@]}"; do t=$(( t + $(jiffies "$p") )); done; echo $t; }
  gsend "set fwd io" "start tx_first 8"
  sleep "$WARMUP"
  local o; o=$(offs); gsend "show port stats all"; sleep 0.5
  local rx0 j0; rx0=$(rxsum $o); j0=$(swj)
  sleep "$DUR"
  o=$(offs); gsend "show port stats all"; sleep 0.5
  local rx1 j1; rx1=$(rxsum $o); j1=$(swj)
  gsend stop quit; sleep 1
  local f; for f in "${gfds[@]}"; do exec {f}>&-; done
  for p in "${gpids[@]}" "${spids[@]}"; do kill -TERM -- "-$p" 2> /dev/null || true; done; sleep 1
  for p in "${gpids[@]}" "${spids[@]}"; do kill -KILL -- "-$p" 2> /dev/null || true; done
  PIDS=()
  awk -v k="$kind" -v n="$n" -v rx0="$rx0" -v rx1="$rx1" -v j0="$j0" -v j1="$j1" -v hz="$HZ" -v dur="$DUR" -v mhz="$TSC_MHZ" \
      -v r1="$rss1" -v idle="$idle" 'BEGIN {
    pk = rx1 - rx0; mpps = pk / dur / 1e6; cyc = (pk > 0) ? (j1 - j0) / hz * mhz * 1e6 / pk : 0
    printf "%-8s %5d %9.3f %10.0f %9.1f %9s\n", k, n, mpps, cyc, r1 / 1024, idle }' | tee -a "$OUT/table.txt"
}

for n in $COUNTS; do run_one testpmd "$n"; run_one sluice "$n"; done

# Rate per core 2 -> 64 ports, and the SVG (cycles/packet against ports).
awk 'NR > 1 { m[$1, $2] = $3; c[$1, $2] = $4; r[$1, $2] = $5; if (!($2 in seen)) { seen[$2] = 1; ns[++k] = $2 } }
  END { for (s = 1; s <= 2; s++) { w = (s == 1) ? "testpmd" : "sluice"; a = m[w, ns[1]]; b = m[w, ns[k]]
    if (a > 0) printf "%s rate %s->%s ports: %.3f -> %.3f Mpps (%+.0f%%; target >= -20%%)\n", w, ns[1], ns[k], a, b, 100 * (b - a) / a
    if (k > 1) printf "%s RSS %s->%s ports: %.1f -> %.1f MB (%.0f KB per added port)\n", w, ns[1], ns[k], r[w, ns[1]], r[w, ns[k]], 1024 * (r[w, ns[k]] - r[w, ns[1]]) / (ns[k] - ns[1]) } }' "$OUT/table.txt"
awk -v out="$OUT/port-scaling.svg" 'NR > 1 { x[$1, ++n[$1]] = $2; y[$1, n[$1]] = $4; if ($4 > ymax) ymax = $4 }
  END {
    W = 480; H = 300; L = 60; B = 40; if (ymax == 0) ymax = 1
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", W, H > out
    printf "<text x=\"%d\" y=\"14\">switch-core TSC cycles per packet vs vhost-user ports</text>\n", L >> out
    printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/><line x1=\"%d\" y1=\"20\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, H - B, W - 10, H - B, L, L, H - B >> out
    split("2 8 32 64", ticks, " ")
    for (t = 1; t <= 4; t++) { px = L + (log(ticks[t]) / log(2) - 1) / 5 * (W - L - 30); printf "<text x=\"%d\" y=\"%d\">%s</text>\n", px - 4, H - B + 14, ticks[t] >> out }
    for (t = 0; t <= 4; t++) printf "<text x=\"4\" y=\"%d\">%.0f</text>\n", H - B - t / 4 * (H - B - 30), ymax * t / 4 >> out
    col["testpmd"] = "#1f77b4"; col["sluice"] = "#d62728"; yl = 30
    for (s in n) { pts = ""
      for (i = 1; i <= n[s]; i++) pts = pts sprintf("%.0f,%.0f ", L + (log(x[s, i]) / log(2) - 1) / 5 * (W - L - 30), H - B - y[s, i] / ymax * (H - B - 30))
      printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", col[s], pts >> out
      printf "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", W - 90, yl, col[s], s >> out; yl += 14 }
    printf "<text x=\"%d\" y=\"%d\">ports (log scale)</text>\n</svg>\n", W / 2 - 30, H - 6 >> out
  }' "$OUT/table.txt"
echo "port-scaling: table $OUT/table.txt, chart $OUT/port-scaling.svg (load now [$(cut -d' ' -f1-3 /proc/loadavg)])"
