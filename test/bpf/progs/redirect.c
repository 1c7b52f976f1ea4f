/* Redirect through a devmap chosen by a hash of the addresses (a bpf-to-bpf call), with the
 * number of outputs in .rodata, a packet counter in .bss and a salt in .data. */
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_DEVMAP); __uint(max_entries, 4); __type(key, __u32); __type(value, __u32); } outs SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } chosen SEC(".maps");

const volatile __u32 n_outs = 4;
__u32 salt = 0x9e3779b9;
__u64 seen;

static __attribute__((noinline)) __u32 mix(__u32 a, __u32 b) {
  __u32 h = a * 0x85ebca6b ^ b;
  h ^= h >> 13; h *= salt; h ^= h >> 16;
  return h;
}

SEC("xdp")
int spread(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  struct parsed p;
  seen++;
  if (parse(data, data_end, &p) < 0) return XDP_DROP;
  __u32 a = 0, b = 0;
  if (p.l3proto == ETH_P_IP) {
    struct iphdr *ip = p.l3;
    if ((void *)(ip + 1) > data_end) return XDP_DROP;
    a = ip->saddr; b = ip->daddr;
  } else if (p.l3proto == ETH_P_IPV6) {
    struct ipv6hdr *ip6 = p.l3;
    if ((void *)(ip6 + 1) > data_end) return XDP_DROP;
    a = ip6->saddr.s6_addr32[3]; b = ip6->daddr.s6_addr32[3];
  } else {
    return XDP_PASS;
  }
  __u32 k = mix(a ^ p.sport, b ^ p.dport) % n_outs;
  __u64 *c = bpf_map_lookup_elem(&chosen, &k);
  if (c) *c += 1;
  return bpf_redirect_map(&outs, k, XDP_DROP);
}

char LICENSE[] SEC("license") = "GPL";
