/* Shared by the test XDP programs: header structs without kernel headers beyond linux/. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct vlan_hdr { __be16 tci; __be16 proto; };

struct parsed {
  __u16 l3proto;   /* ethertype after VLAN tags */
  __u8 l4proto;
  __u8 vlans;
  __u16 sport, dport;
  void *l3, *l4;
};

/* Ethernet, up to two VLAN tags, IPv4 (with options) or IPv6, then TCP/UDP ports. Returns -1 if truncated. */
static __always_inline int parse(void *data, void *data_end, struct parsed *p) {
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > data_end) return -1;
  __u16 proto = eth->h_proto;
  void *cur = eth + 1;
  p->vlans = 0;
#pragma unroll
  for (int i = 0; i < 2; i++) {
    if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD)) break;
    struct vlan_hdr *v = cur;
    if ((void *)(v + 1) > data_end) return -1;
    proto = v->proto;
    cur = v + 1;
    p->vlans++;
  }
  p->l3proto = bpf_ntohs(proto);
  p->l3 = cur;
  p->l4proto = 0;
  p->sport = p->dport = 0;
  if (proto == bpf_htons(ETH_P_IP)) {
    struct iphdr *ip = cur;
    if ((void *)(ip + 1) > data_end) return -1;
    if (ip->ihl < 5) return -1;
    p->l4proto = ip->protocol;
    cur = (void *)ip + ip->ihl * 4;
  } else if (proto == bpf_htons(ETH_P_IPV6)) {
    struct ipv6hdr *ip6 = cur;
    if ((void *)(ip6 + 1) > data_end) return -1;
    p->l4proto = ip6->nexthdr;
    cur = ip6 + 1;
  } else {
    return 0;
  }
  p->l4 = cur;
  if (p->l4proto == IPPROTO_TCP || p->l4proto == IPPROTO_UDP) {
    struct udphdr *u = cur;
    if ((void *)(u + 1) > data_end) return -1;
    p->sport = bpf_ntohs(u->source);
    p->dport = bpf_ntohs(u->dest);
  }
  return 0;
}
