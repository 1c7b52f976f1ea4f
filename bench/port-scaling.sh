#!/usr/bin/env bash
# Costs as work grows: 2, 8, 32, 64 vhost-user ports (COUNTS), Sluice `switch --mode patch`
# next to testpmd as the switch, driven by ONE generator testpmd with as many net_virtio_user
# vdevs (io forwarding, 64-byte frames, ports paired 0-1, 2-3, ...), as the perfbench loop.
#
#   bench/port-scaling.sh [-d SECS] [-o DIR]        (root: hugepages; needs dpdk-testpmd)
#
# Per switch and port count: aggregate Mpps, switch-core TSC cycles per packet (the switch's
# CPU time over the window x TSC Hz / packets: testpmd polls every vdev too, so compare
# cycles, not its rate), the switch's RSS and RSS per port, and for Sluice the idle CPU share
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
printf '%-8s %5s %9s %10s %9s %10s %9s\n' switch ports agg_mpps sw_cyc_pkt rss_mb rss_kb_port idle_cpu | tee "$OUT/table.txt"

run_one() {         # run_one KIND N
  local kind=$1 n=$2 d=$RUN/$1-$2 i socks=() vdevs=() spid gpid
  mkdir -p "$d"
  for ((i = 0; i < n; i++)); do socks+=("$d/s$i.sock"); done
  if [ "$kind" = sluice ]; then
    local args=(); for s in "${socks[@]}"; do args+=(--port "vhost-user:$s"); done
    setsid taskset -c "$SW_CPU" "$NODE" "$here/bin/sluice.js" switch "${args[@]}" --mode patch > "$d/switch.log" 2>&1 < /dev/null &
  else
    local v=(); for ((i = 0; i < n; i++)); do v+=(--vdev "net_vhost$i,iface=${socks[$i]},queues=1"); done
    setsid dpdk-testpmd --lcores "0@$GEN_CPU,1@$SW_CPU" --no-pci --single-file-segments --in-memory "${v[@]}" \
      -- --stats-period 5 --forward-mode=io --auto-start --nb-cores=1 --total-num-mbufs=$(( 16384 + n * 1024 )) \
      --record-core-cycles > "$d/switch.log" 2>&1 < /dev/null &
  fi
  spid=$!; PIDS+=("$spid")
  for i in $(seq 600); do local ok=1; for s in "${socks[@]}"; do [ -S "$s" ] || ok=0; done; [ $ok = 1 ] && break; sleep 0.1; done
  local rss0; rss0=$(rss_kb "$spid")
  for ((i = 0; i < n; i++)); do
    vdevs+=(--vdev "net_virtio_user$i,path=${socks[$i]},queues=1,mac=02:00:00:00:$(printf %02x $((i / 256))):$(printf %02x $((i % 256 + 1)))")
  done
  local fifo=$d/gen.in; mkfifo "$fifo"; exec {G}<> "$fifo"
  local peers=(); for ((i = 0; i < n; i++)); do
    local j=$(( i ^ 1 )); peers+=(--eth-peer="$i,02:00:00:00:$(printf %02x $((j / 256))):$(printf %02x $((j % 256 + 1)))"); done
  setsid stdbuf -oL dpdk-testpmd --lcores "0@$SW_CPU,1@$GEN_CPU" --no-pci --single-file-segments --in-memory "${vdevs[@]}" \
    -- -i --burst=32 --nb-cores=1 --total-num-mbufs=$(( 16384 + n * 1024 )) "${peers[@]}" < "$fifo" > "$d/gen.log" 2>&1 &
  gpid=$!; PIDS+=("$gpid")
  for i in $(seq 600); do grep -q 'testpmd>' "$d/gen.log" 2> /dev/null && break; sleep 0.1; done
  sleep 1
  # Idle: every port connected, nothing sent.
  local idle=NA
  if [ "$kind" = sluice ]; then
    local j0 j1; j0=$(jiffies "$spid"); sleep "$IDLE"; j1=$(jiffies "$spid")
    idle=$(awk -v a="$j0" -v b="$j1" -v hz="$HZ" -v s="$IDLE" 'BEGIN{printf "%.1f%%", 100 * (b - a) / hz / s}')
  fi
  local rss1; rss1=$(rss_kb "$spid")
  printf '%s\n' "set fwd io" "start tx_first 8" >&$G
  sleep "$WARMUP"
  local off; off=$(stat -c %s "$d/gen.log"); printf 'show port stats all\n' >&$G; sleep 0.5
  local rx0 j0; rx0=$(tail -c +$((off + 1)) "$d/gen.log" | awk '/RX-packets:/{s += $2} END{print s + 0}'); j0=$(jiffies "$spid")
  sleep "$DUR"
  off=$(stat -c %s "$d/gen.log"); printf 'show port stats all\n' >&$G; sleep 0.5
  local rx1 j1; rx1=$(tail -c +$((off + 1)) "$d/gen.log" | awk '/RX-packets:/{s += $2} END{print s + 0}'); j1=$(jiffies "$spid")
  printf '%s\n' stop quit >&$G; sleep 1
  exec {G}>&-
  kill -TERM -- "-$gpid" "-$spid" 2> /dev/null || true; sleep 1; kill -KILL -- "-$gpid" "-$spid" 2> /dev/null || true
  PIDS=()
  awk -v k="$kind" -v n="$n" -v rx0="$rx0" -v rx1="$rx1" -v j0="$j0" -v j1="$j1" -v hz="$HZ" -v dur="$DUR" -v mhz="$TSC_MHZ" \
      -v r0="$rss0" -v r1="$rss1" -v idle="$idle" 'BEGIN {
    pk = rx1 - rx0; mpps = pk / dur / 1e6; cyc = (pk > 0) ? (j1 - j0) / hz * mhz * 1e6 / pk : 0
    printf "%-8s %5d %9.3f %10.0f %9.1f %10.0f %9s\n", k, n, mpps, cyc, r1 / 1024, (r1 - r0) / n, idle }' | tee -a "$OUT/table.txt"
}

for n in $COUNTS; do run_one testpmd "$n"; run_one sluice "$n"; done

# Rate per core 2 -> 64 ports, and the SVG (cycles/packet against ports).
awk 'NR > 1 { m[$1, $2] = $3; c[$1, $2] = $4; if (!($2 in seen)) { seen[$2] = 1; ns[++k] = $2 } }
  END { for (s = 1; s <= 2; s++) { w = (s == 1) ? "testpmd" : "sluice"; a = m[w, ns[1]]; b = m[w, ns[k]]
    if (a > 0) printf "%s rate %s->%s ports: %.3f -> %.3f Mpps (%+.0f%%; target >= -20%%)\n", w, ns[1], ns[k], a, b, 100 * (b - a) / a } }' "$OUT/table.txt"
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
