/* The helpers whose results the kernel cannot reproduce packet for packet: ktime_get_ns,
 * get_prandom_u32 and fib_lookup. Stores what they return in an array for the test to judge. */
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 8); __type(key, __u32); __type(value, __u64); } out SEC(".maps");

static __always_inline void put(__u32 k, __u64 v) { bpf_map_update_elem(&out, &k, &v, BPF_ANY); }

SEC("xdp")
int helpers(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  __u64 t0 = bpf_ktime_get_ns();
  __u64 t1 = bpf_ktime_get_ns();
  put(0, t0);
  put(1, t1 - t0);
  put(2, bpf_get_prandom_u32());
  put(3, bpf_get_prandom_u32());
  struct bpf_fib_lookup fib = {};
  struct iphdr *ip = data + sizeof(struct ethhdr);
  if ((void *)(ip + 1) > data_end) return XDP_PASS;
  fib.family = 2; /* AF_INET */
  fib.ipv4_src = ip->saddr;
  fib.ipv4_dst = ip->daddr;
  fib.ifindex = ctx->ingress_ifindex;
  fib.tot_len = bpf_ntohs(ip->tot_len);
  long rc = bpf_fib_lookup(ctx, &fib, sizeof(fib), 0);
  put(4, (__u64)rc);
  put(5, fib.ifindex);
  __u64 mac = 0;
  __builtin_memcpy(&mac, fib.dmac, 6);
  put(6, mac);
  put(7, ctx->ingress_ifindex | ((__u64)ctx->rx_queue_index << 32));
  return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
