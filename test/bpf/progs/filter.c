/* A port filter with its policy in maps: UDP destination ports listed in `blocked` are
 * dropped, every packet's length class is counted in `sizes` (per CPU), and XDP_TX is used for
 * packets to the port named in `.rodata` (reflect_port, 0 = never). Used by the daemon
 * test and the README example. */
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 64); __type(key, __u16); __type(value, __u64); } blocked SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } sizes SEC(".maps");

const volatile __u16 reflect_port = 0;

SEC("xdp")
int filter(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  __u32 len = data_end - data;
  __u32 cls = len < 128 ? 0 : len < 512 ? 1 : len < 1500 ? 2 : 3;
  __u64 *n = bpf_map_lookup_elem(&sizes, &cls);
  if (n) *n += 1;
  struct parsed p;
  if (parse(data, data_end, &p) < 0 || p.l4proto != IPPROTO_UDP) return XDP_PASS;
  __u16 port = p.dport;
  __u64 *hits = bpf_map_lookup_elem(&blocked, &port);
  if (hits) { __sync_fetch_and_add(hits, 1); return XDP_DROP; }
  if (reflect_port && port == reflect_port) return XDP_TX;
  return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
