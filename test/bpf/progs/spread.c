/* Counts every packet three ways, the way one XDP program on several queues' CPUs does:
 * atomically in an array and a hash (shared by every engine), plainly in a per-CPU array
 * (a copy per engine); drops everything while cfg[0] is set (written through the API). */
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u32); } cfg SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u64); } total SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u64); } percpu SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 16); __type(key, __u32); __type(value, __u64); } byport SEC(".maps");

SEC("xdp")
int spread(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  __u32 z = 0, one = 1, k = ctx->ingress_ifindex;
  __u64 len = data_end - data;
  __u64 *t = bpf_map_lookup_elem(&total, &z);
  if (t) __sync_fetch_and_add(t, 1);
  __u64 *b = bpf_map_lookup_elem(&total, &one);
  if (b) __sync_fetch_and_add(b, len);
  __u64 *pc = bpf_map_lookup_elem(&percpu, &z);
  if (pc) *pc += 1;
  __u64 *n = bpf_map_lookup_elem(&byport, &k);
  if (!n) {
    __u64 zero = 0;
    bpf_map_update_elem(&byport, &k, &zero, BPF_NOEXIST); /* another engine may have made it first */
    n = bpf_map_lookup_elem(&byport, &k);
  }
  if (n) __sync_fetch_and_add(n, 1);
  __u32 *c = bpf_map_lookup_elem(&cfg, &z);
  return c && *c ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
