/* A responder on a switch port: answers ICMP echo requests to 10.x.y.99 itself (XDP_TX, the
 * reply built in place), drops UDP to port 9, redirects UDP to port 7 through a devmap
 * (entry 0), counts per action in an array, and passes everything else. */
#include "common.h"
/* linux/icmp.h pulls in libc headers: the two fields used here instead. */
struct icmphdr { __u8 type, code; __sum16 checksum; __be16 id, sequence; };
#define ICMP_ECHO 8
#define ICMP_ECHOREPLY 0

struct { __uint(type, BPF_MAP_TYPE_DEVMAP); __uint(max_entries, 4); __type(key, __u32); __type(value, __u32); } ports SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 5); __type(key, __u32); __type(value, __u64); } actions SEC(".maps");

static __always_inline int count(int action) {
  __u32 k = action;
  __u64 *c = bpf_map_lookup_elem(&actions, &k);
  if (c) *c += 1;
  return action;
}

SEC("xdp")
int responder(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  struct ethhdr *eth = data;
  struct iphdr *ip = (void *)(eth + 1);
  if ((void *)(ip + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5) return count(XDP_PASS);
  if (ip->protocol == IPPROTO_ICMP && (bpf_ntohl(ip->daddr) & 0xff) == 99) {
    struct icmphdr *icmp = (void *)(ip + 1);
    if ((void *)(icmp + 1) > data_end || icmp->type != ICMP_ECHO) return count(XDP_PASS);
    unsigned char mac[ETH_ALEN];
    __builtin_memcpy(mac, eth->h_source, ETH_ALEN);
    __builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
    __builtin_memcpy(eth->h_dest, mac, ETH_ALEN);
    __be32 a = ip->saddr; ip->saddr = ip->daddr; ip->daddr = a;
    /* Type 8 -> 0: the checksum grows by 0x0800 (RFC 1624). */
    __u32 sum = (__u32)icmp->checksum + bpf_htons(0x0800);
    icmp->checksum = (__u16)(sum + (sum >> 16));
    icmp->type = ICMP_ECHOREPLY;
    return count(XDP_TX);
  }
  if (ip->protocol == IPPROTO_UDP) {
    struct udphdr *udp = (void *)(ip + 1);
    if ((void *)(udp + 1) > data_end) return count(XDP_PASS);
    if (udp->dest == bpf_htons(9)) return count(XDP_DROP);
    if (udp->dest == bpf_htons(7)) { count(XDP_REDIRECT); return bpf_redirect_map(&ports, 0, XDP_DROP); }
  }
  return count(XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
