/* Reflect: swap MACs; IPv4: swap addresses, decrement TTL with an incremental checksum update;
 * TCP/UDP: swap ports; then XDP_TX. TTL <= 1 is dropped. Non-IP passes. */
#include "common.h"

static __always_inline __u16 csum_fold(__u32 s) {
  s = (s & 0xffff) + (s >> 16);
  s = (s & 0xffff) + (s >> 16);
  return ~s;
}

SEC("xdp")
int reflect(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  struct parsed p;
  if (parse(data, data_end, &p) < 0) return XDP_ABORTED;
  struct ethhdr *eth = data;
  unsigned char tmp[ETH_ALEN];
  __builtin_memcpy(tmp, eth->h_source, ETH_ALEN);
  __builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
  __builtin_memcpy(eth->h_dest, tmp, ETH_ALEN);
  if (p.l3proto == ETH_P_IP) {
    struct iphdr *ip = p.l3;
    if ((void *)(ip + 1) > data_end) return XDP_ABORTED;
    if (ip->ttl <= 1) return XDP_DROP;
    __u32 old = *(__u32 *)&ip->ttl;
    ip->ttl--;
    __u32 neu = *(__u32 *)&ip->ttl;
    __u32 s = bpf_csum_diff(&old, 4, &neu, 4, ~((__u32)ip->check) & 0xffff);
    ip->check = csum_fold(s);
    __be32 a = ip->saddr; ip->saddr = ip->daddr; ip->daddr = a;
  } else if (p.l3proto == ETH_P_IPV6) {
    struct ipv6hdr *ip6 = p.l3;
    if ((void *)(ip6 + 1) > data_end) return XDP_ABORTED;
    if (ip6->hop_limit <= 1) return XDP_DROP;
    ip6->hop_limit--;
    struct in6_addr a = ip6->saddr; ip6->saddr = ip6->daddr; ip6->daddr = a;
  } else {
    return XDP_PASS;
  }
  if (p.l4proto == IPPROTO_TCP || p.l4proto == IPPROTO_UDP) {
    struct udphdr *u = p.l4;
    if ((void *)(u + 1) > data_end) return XDP_ABORTED;
    __be16 t = u->source; u->source = u->dest; u->dest = t;
  }
  return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
