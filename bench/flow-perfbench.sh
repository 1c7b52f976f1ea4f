#!/usr/bin/env bash
# Flow-table lookups against OVS-DPDK (issue 14, "Speed"): OVS-DPDK and Sluice as a 2-port
# vhost-user flow switch with the same RULES (1000) OpenFlow rules, FLOWS (10000) active UDP
# flows of 64-byte frames from one generator testpmd, alternating rounds in one run. Prints the
# switch core's cycles per packet for each and `ratio sluice/ovs=...`.
#
#   bench/flow-perfbench.sh [-d SECS] [-r ROUNDS] [-o DIR]     (root: hugepages; build first)
#
# The loop is ../shared/perfbench/anchors.sh's (same OVS-DPDK start, dpdkvhostuser ports,
# PMD on SW_CPU, generator testpmd with net_virtio_user vdevs on GEN_CPU); anchors.sh itself
# cannot be reused: its generator forwards one seeded flow (`set fwd io`) and its OVS flows are
# fixed. Here the generator runs testpmd's `flowgen` mode (--flowgen-flows=FLOWS: UDP
# 10.254.0.0:1000 -> 10.253.0.0+n:1001, n < FLOWS, on both ports; received frames are
# counted and freed), and the rules are, per direction, (RULES-2)/2 of
#   priority=100..149,in_port=P,udp,nw_dst=10.253.x.y/32,actions=output:Q
# spread over the flows' addresses, plus one catch-all per direction (priority=0,in_port=P).
# Sluice runs as users run it: `sluice daemon` (pinned to SW_CPU) seeded with a config
# holding the two vhost-user ports and the flow bridge (rules in `flows:`).
#
# Per run, one line per switch (TSC cycles per packet, packets = what the generator got back):
#   cpu_cyc_per_pkt       the switch process's CPU time in the window (all threads, from
#                         /proc/PID/task/*/schedstat) x TSC Hz / packets;
#   ovs_proc_cyc_per_pkt  OVS PMD "avg processing cycles per packet" (pmd-stats-show, cleared
#                         at the start of the window), as anchors.sh reports it; TSC-timed, so
#                         it also counts time the PMD thread was preempted on a shared core;
#   pmd_cpu_cyc_per_pkt, busy_share  the PMD thread's CPU time per packet and its processing
#                         share (processing / (idle + processing) cycles): their product is
#                         ovs_proc without the preempted time ("oncpu" in the summary).
# Sluice does not busy-poll once idle, but polls between bursts, so its CPU time per packet
# includes some polling that OVS's processing figure leaves out (busy_share for Sluice is the
# engine's estimate from busy breaths). loss = frames the generator sent that did not come
# back; with loss near 0 the switch kept up and the generator set the rate.
# Summary: medians and three ratios, sluice cpu over ovs_proc (the issue's target: <= 1.5),
# over ovs oncpu, and over ovs cpu; each also as the median of same-round ratios.
# Flow counts are checked on both switches: OVS megaflows (`dpctl/dump-flows`), EMC and
# megaflow hits; Sluice EMC entries, hits and misses (`bridge show -j`); on both, how many of
# the /32 rules were hit (dump-flows n_packets > 0).
#
# Env: FLOWS(10000) RULES(1000) DUR(10) ROUNDS(3) WARMUP(4) BURST(32) SW_CPU(1) GEN_CPU(0)
#      NODE(node) OVS_VSWITCHD OVS_SOCKET_MEM(512) SWITCHES("ovs sluice")
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
DUR=${DUR:-10}; ROUNDS=${ROUNDS:-3}; WARMUP=${WARMUP:-4}; BURST=${BURST:-32}
FLOWS=${FLOWS:-10000}; RULES=${RULES:-1000}; SW_CPU=${SW_CPU:-1}; GEN_CPU=${GEN_CPU:-0}
NODE=${NODE:-node}; OVS_SOCKET_MEM=${OVS_SOCKET_MEM:-512}
OVS_VSWITCHD=${OVS_VSWITCHD:-/usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk}
OVS_SCHEMA=${OVS_SCHEMA:-/usr/share/openvswitch/vswitch.ovsschema}
OUT=${OUT:-/tmp/flow-perfbench-$(date +%Y%m%d-%H%M%S)}
read -r -a SWITCHES <<< "${SWITCHES:-ovs sluice}"
MAC0=02:00:00:00:00:01; MAC1=02:00:00:00:00:02
while [ $# -gt 0 ]; do
  case $1 in -d) DUR=$2; shift 2 ;; -r) ROUNDS=$2; shift 2 ;; -o) OUT=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "flow-perfbench: unknown argument $1" >&2; exit 2 ;; esac
done

die() { echo "flow-perfbench: $*" >&2; exit 2; }
# Peers: one line naming what is missing.
for t in dpdk-testpmd ovsdb-tool ovsdb-server ovs-vsctl ovs-ofctl ovs-appctl setsid stdbuf taskset "$NODE"; do
  command -v "$t" > /dev/null || die "missing peer $t (apt-get install dpdk openvswitch-switch-dpdk; see ../shared/perfbench/README.md)"
done
[ -x "$OVS_VSWITCHD" ] || die "missing peer $OVS_VSWITCHD (apt-get install openvswitch-switch-dpdk)"
[ -f "$OVS_SCHEMA" ] || die "missing $OVS_SCHEMA (apt-get install openvswitch-common)"
[ -f "$here/dist/src/cli/main.js" ] || die "Sluice is not built: run npx tsc -p $here first"
[ "$(id -u)" = 0 ] || die "must run as root (hugepages for the DPDK processes)"
(( RULES >= 4 && RULES % 2 == 0 )) || die "RULES must be even and >= 4"

mkdir -p "$OUT" || exit 1
RUN=$(mktemp -d /tmp/flow-perfbench-run.XXXXXX) || exit 1
PGIDS=(); GENFD=
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt" >&2; }
galive() { kill -0 -- "-$1" 2> /dev/null; }
stop_group() {      # TERM the process group we started, KILL after 5 s
  local g=$1 i
  galive "$g" || { wait "$g" 2> /dev/null; return 0; }
  kill -TERM -- "-$g" 2> /dev/null
  for i in $(seq 50); do galive "$g" || break; sleep 0.1; done
  galive "$g" && kill -KILL -- "-$g" 2> /dev/null
  wait "$g" 2> /dev/null; return 0
}
cleanup() {
  [ -n "$GENFD" ] && { exec {GENFD}>&-; GENFD=; } 2> /dev/null
  local g; for g in "${PGIDS[@]}"; do stop_group "$g"; done; PGIDS=(); rm -rf "$RUN"
}
trap cleanup EXIT
trap 'log interrupted; exit 130' INT TERM
bg() { local l=$1; shift; setsid "$@" > "$l" 2>&1 < /dev/null & LASTPID=$!; PGIDS+=("$LASTPID"); }
forget() { local x a=(); for x in "${PGIDS[@]}"; do [ "$x" != "$1" ] && a+=("$x"); done; PGIDS=("${a[@]}"); }
wait_sock() {       # wait_sock SECS PID PATH...
  local t=$1 p=$2 i f ok; shift 2
  for i in $(seq $((t * 10))); do
    ok=1; for f in "$@"; do [ -S "$f" ] || ok=0; done
    [ $ok = 1 ] && return 0
    kill -0 "$p" 2> /dev/null || return 1; sleep 0.1
  done; return 1
}

TSC_MHZ=$(dmesg 2> /dev/null | sed -n 's/.*tsc: Detected \([0-9.]*\) MHz.*/\1/p' | tail -1)
[ -z "$TSC_MHZ" ] && TSC_MHZ=$(awk '/cpu MHz/{print $4; exit}' /proc/cpuinfo)

# The rules, one ovs-ofctl line each; both switches load this file.
RULEF=$OUT/rules.txt
awk -v flows="$FLOWS" -v rules="$RULES" 'function ip(n) { return "10.253." int(n / 256) "." n % 256 }
  BEGIN { n = (rules - 2) / 2; step = int(flows / n); if (step < 2) step = 2
    for (k = 0; k < n; k++) {
      printf "priority=%d,in_port=1,udp,nw_dst=%s/32,actions=output:2\n", 100 + k % 50, ip(k * step)
      printf "priority=%d,in_port=2,udp,nw_dst=%s/32,actions=output:1\n", 100 + k % 50, ip(k * step + int(step / 2)) }
    print "priority=0,in_port=1,actions=output:2"; print "priority=0,in_port=2,actions=output:1" }' > "$RULEF"

# CPU time (ns) of every thread of the process groups given (TASK_RE: only threads whose
# name matches, e.g. OVS's PMD thread).
grp_ns() {
  local g p t=0 d
  for g in "$@"; do for p in $(pgrep -g "$g"); do for d in /proc/$p/task/*; do
    [ -n "${TASK_RE:-}" ] && ! grep -qE "$TASK_RE" "$d/comm" 2> /dev/null && continue
    t=$(( t + $(awk '{print $1}' "$d/schedstat" 2> /dev/null || echo 0) )); done; done; done
  echo "$t"
}

# ------------------------------------------------------------------ switches
OVSD=
vsctl() { ovs-vsctl --db="unix:$OVSD/db.sock" --timeout=20 "$@"; }
appctl() { ovs-appctl -t "$OVSD/ovs-vswitchd.ctl" "$@"; }
start_ovs() {       # as anchors.sh start_ovs_common, then the rule file
  OVSD=$RUN/ovs; rm -rf "$OVSD"; mkdir -p "$OVSD"
  export OVS_RUNDIR=$OVSD OVS_DBDIR=$OVSD OVS_LOGDIR=$OVSD
  ovsdb-tool create "$OVSD/conf.db" "$OVS_SCHEMA" || return 1
  bg "$RLOG.ovsdb.log" ovsdb-server "$OVSD/conf.db" --remote="punix:$OVSD/db.sock" \
     --unixctl="$OVSD/ovsdb-server.ctl" --pidfile="$OVSD/ovsdb-server.pid" --log-file="$OVSD/ovsdb-server.log"
  SW_PGIDS=("$LASTPID")
  wait_sock 10 "$LASTPID" "$OVSD/db.sock" || return 1
  vsctl --no-wait init
  vsctl --no-wait set Open_vSwitch . other_config:dpdk-init=true other_config:dpdk-socket-mem="$OVS_SOCKET_MEM" \
     "other_config:dpdk-extra=--no-pci --single-file-segments" \
     other_config:pmd-cpu-mask="$(printf 0x%x $((1 << SW_CPU)))" || return 1
  bg "$RLOG.vswitchd.log" "$OVS_VSWITCHD" "unix:$OVSD/db.sock" --unixctl="$OVSD/ovs-vswitchd.ctl" \
     --pidfile="$OVSD/ovs-vswitchd.pid" --log-file="$OVSD/ovs-vswitchd.log" -vconsole:off
  SW_PGIDS=("$LASTPID" "${SW_PGIDS[@]}")      # stop vswitchd before ovsdb
  wait_sock 30 "$LASTPID" "$OVSD/ovs-vswitchd.ctl" || return 1
  vsctl add-br br0 -- set bridge br0 datapath_type=netdev \
     -- add-port br0 vhu0 -- set Interface vhu0 type=dpdkvhostuser ofport_request=1 \
     -- add-port br0 vhu1 -- set Interface vhu1 type=dpdkvhostuser ofport_request=2 || return 1
  SOCK0=$OVSD/vhu0; SOCK1=$OVSD/vhu1
  wait_sock 20 "$LASTPID" "$SOCK0" "$SOCK1" || return 1
  ovs-ofctl del-flows "unix:$OVSD/br0.mgmt" && ovs-ofctl add-flows "unix:$OVSD/br0.mgmt" "$RULEF" || return 1
  local n; n=$(ovs-ofctl dump-aggregate "unix:$OVSD/br0.mgmt" | sed -n 's/.*flow_count=\([0-9]*\).*/\1/p')
  [ "$n" = "$RULES" ] || { log "ovs: $n rules loaded, expected $RULES"; return 1; }
}
pre_ovs() { appctl dpif-netdev/pmd-stats-clear > /dev/null; }
post_ovs() {
  { echo "### pmd-stats-show (cleared at the start of the ${DUR}s window)"; appctl dpif-netdev/pmd-stats-show
    echo "### dump-aggregate"; ovs-ofctl dump-aggregate "unix:$OVSD/br0.mgmt"
    echo "### dpctl/dump-flows"; appctl dpctl/dump-flows
    echo "### dump-flows"; ovs-ofctl dump-flows "unix:$OVSD/br0.mgmt"
  } > "$RLOG.ovs-stats.txt" 2>&1
  local proc mf hit busy
  proc=$(awk '/^pmd thread/{p=1} p && /avg processing cycles per packet/{print $6; exit}' "$RLOG.ovs-stats.txt")
  busy=$(awk '/^pmd thread/{p=1} /^main thread/{p=0} p && /^ *idle cycles:/{i=$3} p && /^ *processing cycles:/{b=$3}
    END {if (i + b > 0) printf "%.2f", b / (i + b); else print "NA"}' "$RLOG.ovs-stats.txt")
  mf=$(awk '/^### dpctl/{p=1; next} /^###/{p=0} p && /actions:/' "$RLOG.ovs-stats.txt" | wc -l)
  hit=$(awk '/^### dump-flows/{p=1; next} p && /priority=1[0-4][0-9],/ && !/n_packets=0,/' "$RLOG.ovs-stats.txt" | wc -l)
  EXTRA="ovs_proc_cyc_per_pkt=${proc:-NA} busy_share=$busy megaflows=$mf rules_hit=$hit"
  EXTRA="$EXTRA $(awk '/^pmd thread/{p=1} /^main thread/{p=0} !p {next}
    /emc hits:/{printf "emc_hits=%s ", $3} /megaflow hits:/{printf "megaflow_hits=%s ", $3} /miss with success upcall:/{printf "upcalls=%s", $5}' "$RLOG.ovs-stats.txt")"
}
stop_ovs() { cp "$OVSD/ovs-vswitchd.log" "$RLOG.ovs-vswitchd.log" 2> /dev/null; rm -rf "$OVSD"; }   # keep its log (errors of add-br)

SLD=
sluice() { "$NODE" "$here/bin/sluice.js" --socket "$SLD/api.sock" "$@"; }
start_sluice() {    # the daemon, seeded with a config holding the ports and the flow bridge
  SLD=$RUN/sluice; rm -rf "$SLD"; mkdir -p "$SLD"; SOCK0=$SLD/s0.sock; SOCK1=$SLD/s1.sock
  { echo "ports:"
    echo "  vhu0: { spec: \"vhost-user:$SOCK0\" }"
    echo "  vhu1: { spec: \"vhost-user:$SOCK1\" }"
    echo "bridges:"
    echo "  br0:"
    echo "    type: flow"
    echo "    ports: { vhu0: { ofport: 1 }, vhu1: { ofport: 2 } }"
    echo "    flows:"; sed 's/.*/      - "&"/' "$RULEF"
  } > "$SLD/config.yaml"
  bg "$RLOG.daemon.log" taskset -c "$SW_CPU" "$NODE" "$here/bin/sluice.js" daemon --state-dir "$SLD/state" \
     --config "$SLD/config.yaml" --socket "$SLD/api.sock" --metrics off
  SW_PGIDS=("$LASTPID")
  wait_sock 60 "$LASTPID" "$SLD/api.sock" "$SOCK0" "$SOCK1" || return 1
  local n; n=$(sluice bridge show br0 -j | sed -n 's/.*"flowCount":\([0-9]*\).*/\1/p')
  [ "$n" = "$RULES" ] || { log "sluice: $n rules loaded, expected $RULES"; return 1; }
}
pre_sluice() { sluice bridge show br0 -j > "$RLOG.bridge0.json"; sluice stats -j > "$RLOG.stats0.json"; }
post_sluice() {
  sluice bridge show br0 -j > "$RLOG.bridge1.json"; sluice flow dump br0 -j > "$RLOG.flows.json"
  sluice stats -j > "$RLOG.stats.json"
  EXTRA=$("$NODE" -e '
    const fs = require("fs"), [a, b, f, s0, s1] = process.argv.slice(1).map((p) => JSON.parse(fs.readFileSync(p, "utf8")));
    const e0 = a.info.emc, e1 = b.info.emc;
    const hit = f.flows.filter((r) => r.priority >= 100 && r.packets > 0).length;
    const busy = s1.engine.busyMs - s0.engine.busyMs, idle = s1.engine.idleMs - s0.engine.idleMs;
    console.log(`busy_share=${(busy / (busy + idle)).toFixed(2)} emc_entries=${e1.size} emc_hits=${e1.hits - e0.hits} emc_misses=${e1.misses - e0.misses} rules_hit=${hit}`);
  ' "$RLOG.bridge0.json" "$RLOG.bridge1.json" "$RLOG.flows.json" "$RLOG.stats0.json" "$RLOG.stats.json")
}
stop_sluice() { rm -rf "$SLD"; }

# ------------------------------------------------------------------ generator
gen_send() { printf '%s\n' "$@" >&"$GENFD"; }
show_stats() {      # from one "show port stats all": RX, TX (both ports), RXP (per port)
  local off i; off=$(stat -c %s "$GLOG")
  gen_send "show port stats all"
  for i in $(seq 40); do sleep 0.1; [ "$(tail -c +"$((off + 1))" "$GLOG" | grep -c 'Tx-pps:')" -ge 2 ] && break; done
  set -- $(tail -c +"$((off + 1))" "$GLOG" | awk '/RX-packets:/ {r += $2; p = p "," $2} /TX-packets:/ {t += $2} END {print r + 0, t + 0, p}')
  RX=$1; TX=$2; RXP=${3:-}
}

run_one() {         # run_one SWITCH ROUND IDX
  local sw=$1 round=$2 idx=$3 ok=1 gpid= i line
  RLOG=$OUT/run$idx-$sw; EXTRA=; SW_PGIDS=(); SOCK0=; SOCK1=
  "start_$sw" || { ok=0; log "run $idx $sw: switch did not come up (see $RLOG.*)"; }
  if [ $ok = 1 ]; then
    local fifo=$RUN/gen.in; rm -f "$fifo"; mkfifo "$fifo"; exec {GENFD}<> "$fifo"
    GLOG=$RLOG.gen.log
    setsid stdbuf -oL dpdk-testpmd --lcores "0@$SW_CPU,1@$GEN_CPU" --no-pci --single-file-segments --in-memory \
       --vdev "net_virtio_user0,path=$SOCK0,queues=1,mac=$MAC0" --vdev "net_virtio_user1,path=$SOCK1,queues=1,mac=$MAC1" \
       -- -i --burst="$BURST" --nb-cores=1 --total-num-mbufs=16384 --record-core-cycles \
       --eth-peer="0,$MAC1" --eth-peer="1,$MAC0" --flowgen-flows="$FLOWS" --txpkts=64 < "$fifo" > "$GLOG" 2>&1 &
    gpid=$!; PGIDS+=("$gpid")
    for i in $(seq 300); do grep -q 'testpmd>' "$GLOG" 2> /dev/null && break; kill -0 "$gpid" 2> /dev/null || break; sleep 0.1; done
    grep -q 'testpmd>' "$GLOG" || { ok=0; log "run $idx $sw: generator did not start (see $GLOG)"; }
  fi
  local pk=0 sent=0 ns=0 pns=0 note=
  if [ $ok = 1 ]; then
    sleep 1                                          # let the switch see the vrings enabled
    gen_send "set fwd flowgen" "start"
    sleep "$WARMUP"
    declare -F "pre_$sw" > /dev/null && "pre_$sw"
    show_stats; local rx0=$RX tx0=$TX ns0 pns0; ns0=$(grp_ns "${SW_PGIDS[@]}"); pns0=$(TASK_RE='^pmd' grp_ns "${SW_PGIDS[@]}")
    sleep "$DUR" & wait $!
    local ns1 pns1; ns1=$(grp_ns "${SW_PGIDS[@]}"); pns1=$(TASK_RE='^pmd' grp_ns "${SW_PGIDS[@]}"); show_stats
    pk=$(( RX - rx0 )); sent=$(( TX - tx0 )); ns=$(( ns1 - ns0 )); pns=$(( pns1 - pns0 ))
    [[ $RXP =~ ^,[1-9][0-9]*,[1-9] ]] || note=" warn=oneway_or_dead"
    "post_$sw"
    gen_send "stop" "quit"
  fi
  if [ -n "$gpid" ]; then
    for i in $(seq 50); do kill -0 "$gpid" 2> /dev/null || break; sleep 0.1; done
    stop_group "$gpid"; forget "$gpid"
  fi
  [ -n "$GENFD" ] && { exec {GENFD}>&-; GENFD=; }
  local g; for g in "${SW_PGIDS[@]}"; do stop_group "$g"; forget "$g"; done
  "stop_$sw"
  local gc; gc=$(grep -h 'CPU cycles/packet=' "${GLOG:-/dev/null}" 2> /dev/null | tail -1 | sed 's/.*CPU cycles\/packet=\([0-9.]*\).*/\1/')
  line=$(awk -v sw="$sw" -v r="$round" -v i="$idx" -v pk="$pk" -v sent="$sent" -v ns="$ns" -v pns="$pns" -v d="$DUR" -v mhz="$TSC_MHZ" 'BEGIN {
    c = (pk > 0) ? sprintf("%.0f", ns / 1e3 * mhz / pk) : "NA"
    printf "switch=%s round=%s run=%s mpps=%.3f loss=%.1f%% cpu_share=%.2f cpu_cyc_per_pkt=%s", sw, r, i, pk / d / 1e6, \
      (sent > 0) ? 100 * (sent - pk) / sent : 0, ns / d / 1e9, c
    if (pns > 0 && pk > 0) printf " pmd_cpu_cyc_per_pkt=%.0f", pns / 1e3 * mhz / pk }')
  echo "$line${EXTRA:+ $EXTRA} gen_cyc_per_pkt=${gc:-NA}$note load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/results.txt"
}

summarize() {       # medians per switch; ratios of medians and the median of same-round ratios
  awk '{ delete f; for (i = 1; i <= NF; i++) { k = $i; sub(/=.*/, "", k); v = $i; sub(/^[^=]*=/, "", v); f[k] = v }
      r = f["round"]; if (f["cpu_cyc_per_pkt"] == "NA" || f["cpu_cyc_per_pkt"] == "") next
      if (f["switch"] == "sluice") S[r] = f["cpu_cyc_per_pkt"]
      if (f["switch"] == "ovs") { O[r] = f["cpu_cyc_per_pkt"]; P[r] = f["ovs_proc_cyc_per_pkt"]
        if (f["busy_share"] != "NA" && f["pmd_cpu_cyc_per_pkt"] != "") Q[r] = f["pmd_cpu_cyc_per_pkt"] * f["busy_share"] } }
    function med(a,   n, i, j, t, b) { n = 0; for (i in a) if (a[i] != "NA" && a[i] != "") b[++n] = a[i] + 0
      if (n == 0) return "NA"
      for (i = 2; i <= n; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j+1] = b[j]; b[j+1] = t }
      return (n % 2) ? b[(n+1)/2] : (b[n/2] + b[n/2+1]) / 2 }
    function ratio(name, base, what,   r, x, m, mb) { delete x
      for (r in S) if ((r in base) && base[r] > 0) x[r] = S[r] / base[r]
      m = med(S); mb = med(base)
      printf "ratio %s=%s per_round_median=%s rounds=%d  (%s)\n", name, (m != "NA" && mb != "NA" && mb > 0) ? sprintf("%.2f", m / mb) : "NA", \
        med(x) == "NA" ? "NA" : sprintf("%.2f", med(x)), length(x), what }
    END {
      printf "median switch=ovs ovs_proc_cyc_per_pkt=%s oncpu_proc_cyc_per_pkt=%s cpu_cyc_per_pkt=%s runs=%d\n", med(P), med(Q), med(O), length(O)
      printf "median switch=sluice cpu_cyc_per_pkt=%s runs=%d\n", med(S), length(S)
      ratio("sluice/ovs", P, "Sluice CPU time per packet / ovs_proc_cyc_per_pkt; target <= 1.5")
      ratio("sluice/ovs_oncpu", Q, "the same against OVS PMD on-CPU processing cycles: ovs_proc without the time the PMD was preempted")
      ratio("sluice/ovs_cpu", O, "both from the whole process CPU time, OVS busy polling included") }' "$1"
}

log "out=$OUT switches=${SWITCHES[*]} rounds=$ROUNDS dur=${DUR}s rules=$RULES flows=$FLOWS tsc=${TSC_MHZ}MHz node=$("$NODE" --version) uptime=[$(uptime)]"
: > "$OUT/results.txt"
idx=0
for r in $(seq "$ROUNDS"); do for s in "${SWITCHES[@]}"; do idx=$((idx + 1)); run_one "$s" "$r" "$idx"; done; done
summarize "$OUT/results.txt" | tee "$OUT/summary.txt"
log "done in ${SECONDS}s; logs in $OUT; uptime=[$(uptime)]"
