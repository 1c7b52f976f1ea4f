#!/usr/bin/env bash
# iperf3 TCP guest to guest through a vhost-user switch, switches side by side in one run:
#   sluice-tso  sluice switch --mode patch, both ports with `offloads` (TSO passed whole)
#   sluice-tso-bridge  the same in --mode bridge (super-frames whole through the pool and the bridge)
#   sluice      the same without offloads (guests segment in their own stacks)
#   sluice-tso-busy  sluice-tso with --busy-poll (never sleeps, as the DPDK switches)
#   ovs-tso     OVS-DPDK, flows in_port=1->2 / 2->1, other_config:userspace-tso-enable=true
#   testpmd     dpdk-testpmd io forwarding between two net_vhost ports (no TSO: tso=0)
# Two QEMU guests (vmharness, TCG, virtio-net with Linux's default offloads) boot on the
# switch's sockets; guest A runs `iperf3 -c` for DUR seconds against guest B. Rounds
# alternate the switches (A B C D A B C D ...). Prints, per run and as medians: Mbit/s, the
# switch's CPU seconds during the run (utime+stime of its process) and Mbit/s per switch CPU
# second, then ratios against ovs-tso. TCG guests on two cores are CPU-bound: throughput per
# switch CPU second is the fairer measure (busy-polling switches burn a core regardless).
#
# usage: bench/tso-iperf.sh [-r ROUNDS] [-d SECS] [SWITCH...]     (root; run `npx tsc -p .` first)
# Needs the vmharness guest (../shared/vmharness/build-guest.sh), dpdk-testpmd and, for ovs-tso,
# Debian's openvswitch-switch-dpdk (not installed by .ci/run: this is a bench, not a test).
# Measured on the 2-core dev VM: bench/README.md, "TSO: Sluice against OVS-DPDK with userspace TSO".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
VMH=${VMHARNESS_DIR:-$here/../shared/vmharness}
OVS_VSWITCHD=${OVS_VSWITCHD:-/usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk}
OVS_SCHEMA=${OVS_SCHEMA:-/usr/share/openvswitch/vswitch.ovsschema}
SW_CPU=${SW_CPU:-1}
ROUNDS=2 DUR=6
while getopts "r:d:" o; do case $o in r) ROUNDS=$OPTARG ;; d) DUR=$OPTARG ;; *) exit 2 ;; esac; done
shift $((OPTIND - 1))
SWITCHES=("$@"); [ ${#SWITCHES[@]} -eq 0 ] && SWITCHES=(sluice-tso sluice ovs-tso testpmd)
RUN=$(mktemp -d /tmp/tso-iperf.XXXXXX)
OUT=$RUN/results.txt
PGIDS=()
log() { echo "# $*" >&2; }
bg() { local l=$1; shift; setsid "$@" > "$l" 2>&1 < /dev/null & LASTPID=$!; PGIDS+=("$LASTPID"); }
stop_all() { local g; for g in "${PGIDS[@]}"; do kill -TERM -- "-$g" 2>/dev/null; done; sleep 1
  for g in "${PGIDS[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done; PGIDS=(); }
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$RUN"' EXIT
wait_socks() { local i; for i in $(seq 300); do [ -S "$1" ] && [ -S "$2" ] && return 0; sleep 0.1; done; return 1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# start_<switch> DIR: start it, set S0/S1 (server sockets) and CPU_PID (the process to charge).
start_sluice_common() {
  S0=$1/s0.sock S1=$1/s1.sock
  bg "$1/switch.log" taskset -c "$SW_CPU" node "$here/bin/sluice.js" switch --port "vhost-user:$S0$2" --port "vhost-user:$S1$2" --mode "${MODE:-patch}" "${@:3}"
  CPU_PID=$LASTPID
}
start_sluice_tso() { start_sluice_common "$1" ,offloads; }
start_sluice_tso_bridge() { MODE=bridge start_sluice_common "$1" ,offloads; }
start_sluice_tso_busy() { start_sluice_common "$1" ,offloads --busy-poll; }
start_sluice() { start_sluice_common "$1" ''; }
start_testpmd() {
  S0=$1/s0.sock S1=$1/s1.sock
  bg "$1/switch.log" dpdk-testpmd --lcores "0@$SW_CPU,1@$SW_CPU" --no-pci --single-file-segments --in-memory \
    --vdev "net_vhost0,iface=$S0,queues=1" --vdev "net_vhost1,iface=$S1,queues=1" \
    -- --stats-period 60 --forward-mode=io --auto-start --nb-cores=1 --total-num-mbufs=16384
  CPU_PID=$LASTPID
}
start_ovs_tso() {
  local d=$1/ovs; mkdir -p "$d"
  export OVS_RUNDIR=$d OVS_DBDIR=$d OVS_LOGDIR=$d
  ovsdb-tool create "$d/conf.db" "$OVS_SCHEMA" || return 1
  bg "$1/ovsdb.log" ovsdb-server "$d/conf.db" --remote="punix:$d/db.sock" --unixctl="$d/ovsdb-server.ctl" --log-file="$d/ovsdb-server.log"
  local i; for i in $(seq 100); do [ -S "$d/db.sock" ] && break; sleep 0.1; done
  local V="ovs-vsctl --db=unix:$d/db.sock --timeout=20"
  $V --no-wait init
  $V --no-wait set Open_vSwitch . other_config:dpdk-init=true other_config:dpdk-socket-mem=512 \
    "other_config:dpdk-extra=--no-pci --single-file-segments" other_config:userspace-tso-enable=true \
    other_config:pmd-cpu-mask="$(printf 0x%x $((1 << SW_CPU)))" || return 1
  bg "$1/vswitchd.log" taskset -c "$SW_CPU" "$OVS_VSWITCHD" "unix:$d/db.sock" --unixctl="$d/ovs-vswitchd.ctl" --log-file="$d/ovs-vswitchd.log" -vconsole:off
  CPU_PID=$LASTPID
  for i in $(seq 300); do [ -S "$d/ovs-vswitchd.ctl" ] && break; sleep 0.1; done
  # dpdkvhostuserclient (QEMU serves the sockets): the port type OVS supports TSO on.
  S0=$1/s0.sock S1=$1/s1.sock GUEST_MODE=server
  OVS_V=$V OVS_D=$d
}
attach_ovs_tso() {
  $OVS_V add-br br0 -- set bridge br0 datapath_type=netdev \
    -- add-port br0 vhu0 -- set Interface vhu0 type=dpdkvhostuserclient options:vhost-server-path="$S0" ofport_request=1 \
    -- add-port br0 vhu1 -- set Interface vhu1 type=dpdkvhostuserclient options:vhost-server-path="$S1" ofport_request=2 || return 1
  ovs-ofctl del-flows "unix:$OVS_D/br0.mgmt" && ovs-ofctl add-flow "unix:$OVS_D/br0.mgmt" in_port=1,actions=output:2 &&
    ovs-ofctl add-flow "unix:$OVS_D/br0.mgmt" in_port=2,actions=output:1
}

# tso_of SWITCH DIR: "both" when each guest got HOST_TSO4 and GUEST_TSO4 (virtio bits 11, 7), else "none".
tso_of() {
  local n=0 f
  case $1 in
    ovs-*) for f in $(grep -o 'negotiated Virtio features: 0x[0-9a-f]*' "$2/ovs/ovs-vswitchd.log" 2>/dev/null | awk '{print $NF}' | tail -2); do
             (( (f >> 11 & 1) && (f >> 7 & 1) )) && n=$((n + 1)); done ;;
    sluice*) n=$(grep -o '"fromGuest":\[[^]]*\],"toGuest":\[[^]]*\]' "$2/switch.log" 2>/dev/null | grep -c 'tso4.*tso4') ;;
  esac
  [ "$n" -ge 2 ] && echo both || echo none
}

run_one() {   # run_one SWITCH ROUND
  local sw=$1 d=$RUN/$1-$2; mkdir -p "$d"
  GUEST_MODE=client
  "start_${sw//-/_}" "$d" || { log "$sw: did not start"; stop_all; return 1; }
  local gm=(--reconnect 1)
  if [ "$GUEST_MODE" = client ]; then
    wait_socks "$S0" "$S1" || { log "$sw: sockets did not appear"; stop_all; return 1; }
  else gm=(--mode server); fi
  local t0; t0=$(cpu_ticks "$CPU_PID")
  bg "$d/gb.run" "$VMH/run-guest.sh" --sock "$S1" --name gb --ip 10.0.0.2/24 --mac 52:54:00:00:00:02 --timeout 150 \
    --no-ipv6 --quiet "${gm[@]}" --log "$d/gb.log" --cmd 'vmh_iperf_server'
  bg "$d/ga.run" "$VMH/run-guest.sh" --sock "$S0" --name ga --ip 10.0.0.1/24 --mac 52:54:00:00:00:01 --timeout 150 \
    --no-ipv6 --quiet "${gm[@]}" --log "$d/ga.log" --cmd "vmh_wait_peer 10.0.0.2 60 && vmh_iperf_client 10.0.0.2 $DUR"
  local ga=$LASTPID
  if [ "$GUEST_MODE" = server ]; then
    wait_socks "$S0" "$S1" && "attach_${sw//-/_}" || { log "$sw: could not attach"; stop_all; return 1; }
  fi
  while kill -0 "$ga" 2>/dev/null && ! grep -qE '^(IPERF-OK|IPERF-FAIL)' "$d/ga.log" 2>/dev/null; do sleep 0.5; done
  local t1; t1=$(cpu_ticks "$CPU_PID")
  local hz; hz=$(getconf CLK_TCK)
  local rate; rate=$(awk '/^IPERF-OK/{v=$2; u=$3; if (u ~ /^G/) v*=1000; if (u ~ /^K/) v/=1000; print v}' "$d/ga.log" | tail -1)
  stop_all
  [ -n "$rate" ] || { log "$sw: no iperf result (logs in $d)"; tail -5 "$d/ga.log" >&2; return 1; }
  awk -v sw="$sw" -v r="$2" -v mb="$rate" -v t="$((t1 - t0))" -v hz="$hz" -v tso="$(tso_of "$sw" "$d")" 'BEGIN{cpu=t/hz;
    printf "switch=%s round=%d mbps=%.1f sw_cpu_s=%.2f mbps_per_cpu_s=%.1f tso=%s\n", sw, r, mb, cpu, (cpu>0? mb/cpu : 0), tso}' | tee -a "$OUT"
}

for r in $(seq "$ROUNDS"); do for s in "${SWITCHES[@]}"; do run_one "$s" "$r"; done; done
echo "--- medians (Mbit/s, Mbit/s per switch CPU second), ratios against ovs-tso: of the medians, and the median of the per-round ratios (the rounds' neighbours differ)"
awk '
  { for (i=1;i<=NF;i++) { split($i, kv, "="); f[kv[1]]=kv[2] }
    s=f["switch"]; n[s]++; mb[s, n[s]]=f["mbps"]; pc[s, n[s]]=f["mbps_per_cpu_s"]; R[f["round"]]=1
    rmb[s, f["round"]]=f["mbps"]; rpc[s, f["round"]]=f["mbps_per_cpu_s"] }
  function med(a, s, k,   i, j, t, v) { for (i=1;i<=k;i++) v[i]=a[s,i]
    for (i=1;i<=k;i++) for (j=i+1;j<=k;j++) if (v[j]<v[i]) { t=v[i]; v[i]=v[j]; v[j]=t }
    return k%2 ? v[(k+1)/2] : (v[k/2]+v[k/2+1])/2 }
  END { B="ovs-tso"
    for (s in n) { M[s]=med(mb, s, n[s]); P[s]=med(pc, s, n[s]); k=0
      for (r in R) if ((s, r) in rmb && (B, r) in rmb && rmb[B, r]>0 && rpc[B, r]>0) { k++; qm[s, k]=rmb[s, r]/rmb[B, r]; qp[s, k]=rpc[s, r]/rpc[B, r] }
      K[s]=k }
    for (s in n) printf "median switch=%s mbps=%.1f mbps_per_cpu_s=%.1f n=%d%s%s\n", s, M[s], P[s], n[s],
      (B in M && M[B]>0) ? sprintf(" ratio_mbps=%.2f ratio_per_cpu=%.2f", M[s]/M[B], P[s]/P[B]) : "",
      (K[s]>0) ? sprintf(" per_round_ratio_mbps=%.2f per_round_ratio_per_cpu=%.2f", med(qm, s, K[s]), med(qp, s, K[s])) : "" }' "$OUT"
