/* A forwarder as the kernel's samples/bpf/xdp_fwd writes one: bpf_fib_lookup for the packet's
 * destination, then new MACs, TTL / hop limit - 1 and bpf_redirect to the egress device.
 * Lookup flags come from `cfg`; the lookup's return code and the whole struct it filled go to
 * `res` for the test to compare. Anything not forwarded is dropped (not passed), so the
 * router behind the port stays quiet while the test compares. */
#include "common.h"

#define AF_INET 2
#define AF_INET6 10

struct result { __s64 rc; struct bpf_fib_lookup p; };

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u32); } cfg SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, struct result); } res SEC(".maps");

SEC("xdp")
int fib(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > data_end) return XDP_DROP;
  __u32 k = 0;
  __u32 *flags = bpf_map_lookup_elem(&cfg, &k);
  struct result *r = bpf_map_lookup_elem(&res, &k);
  if (!flags || !r) return XDP_ABORTED;
  struct bpf_fib_lookup f = {};
  struct iphdr *ip = (void *)(eth + 1);
  struct ipv6hdr *ip6 = (void *)(eth + 1);
  if (eth->h_proto == bpf_htons(ETH_P_IP)) {
    if ((void *)(ip + 1) > data_end) return XDP_DROP;
    if (ip->ttl <= 1) return XDP_DROP;
    f.family = AF_INET;
    f.tos = ip->tos;
    f.l4_protocol = ip->protocol;
    f.tot_len = bpf_ntohs(ip->tot_len);
    f.ipv4_src = ip->saddr;
    f.ipv4_dst = ip->daddr;
  } else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
    if ((void *)(ip6 + 1) > data_end) return XDP_DROP;
    if (ip6->hop_limit <= 1) return XDP_DROP;
    f.family = AF_INET6;
    f.flowinfo = *(__be32 *)ip6 & bpf_htonl(0x0FFFFFFF);
    f.l4_protocol = ip6->nexthdr;
    f.tot_len = bpf_ntohs(ip6->payload_len) + sizeof(*ip6);
    __builtin_memcpy(f.ipv6_src, &ip6->saddr, 16);
    __builtin_memcpy(f.ipv6_dst, &ip6->daddr, 16);
  } else {
    return XDP_DROP;
  }
  f.ifindex = ctx->ingress_ifindex;
  long rc = bpf_fib_lookup(ctx, &f, sizeof(f), *flags);
  r->rc = rc;
  __builtin_memcpy(&r->p, &f, sizeof(f));
  if (rc != BPF_FIB_LKUP_RET_SUCCESS) return XDP_DROP;
  if (f.family == AF_INET) {
    /* ip_decrease_ttl: incremental checksum update (RFC 1624), as the kernel does it */
    __u32 check = ip->check;
    check += bpf_htons(0x0100);
    ip->check = (__u16)(check + (check >= 0xFFFF));
    ip->ttl--;
  } else {
    ip6->hop_limit--;
  }
  __builtin_memcpy(eth->h_dest, f.dmac, ETH_ALEN);
  __builtin_memcpy(eth->h_source, f.smac, ETH_ALEN);
  return bpf_redirect(f.ifindex, 0);
}

char LICENSE[] SEC("license") = "GPL";
