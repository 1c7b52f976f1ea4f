/* Parse every packet; count packets and bytes per L3/L4 kind (array), per destination port (hash),
 * per flow (LRU hash) and per CPU; drop UDP to port 9 and truncated headers. */
#include "common.h"

struct counter { __u64 packets; __u64 bytes; };

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 8); __type(key, __u32); __type(value, struct counter); } kinds SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 1024); __type(key, __u16); __type(value, __u64); } ports SEC(".maps");
struct flow { __u8 proto; __u8 pad; __u16 sport, dport; __u16 l3; };
struct { __uint(type, BPF_MAP_TYPE_LRU_HASH); __uint(max_entries, 16384); __type(key, struct flow); __type(value, __u64); } flows SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u64); } percpu SEC(".maps");

enum { K_OTHER, K_IPV4, K_IPV6, K_TCP, K_UDP, K_VLAN, K_BAD, K_ICMP };

static __always_inline void bump(__u32 k, __u64 len) {
  struct counter *c = bpf_map_lookup_elem(&kinds, &k);
  if (c) { c->packets++; c->bytes += len; }
}

SEC("xdp")
int count(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  __u64 len = data_end - data;
  struct parsed p;
  __u32 z = 0;
  __u64 *pc = bpf_map_lookup_elem(&percpu, &z);
  if (pc) *pc += 1;
  if (parse(data, data_end, &p) < 0) { bump(K_BAD, len); return XDP_DROP; }
  if (p.vlans) bump(K_VLAN, len);
  if (p.l3proto == ETH_P_IP) bump(K_IPV4, len);
  else if (p.l3proto == ETH_P_IPV6) bump(K_IPV6, len);
  else { bump(K_OTHER, len); return XDP_PASS; }
  if (p.l4proto == IPPROTO_TCP) bump(K_TCP, len);
  else if (p.l4proto == IPPROTO_UDP) bump(K_UDP, len);
  else if (p.l4proto == IPPROTO_ICMP || p.l4proto == IPPROTO_ICMPV6) bump(K_ICMP, len);
  if (p.dport) {
    __u16 port = p.dport;
    __u64 *n = bpf_map_lookup_elem(&ports, &port);
    if (n) __sync_fetch_and_add(n, 1);
    else { __u64 one = 1; bpf_map_update_elem(&ports, &port, &one, BPF_NOEXIST); }
    struct flow f = { .proto = p.l4proto, .sport = p.sport, .dport = p.dport, .l3 = p.l3proto };
    __u64 *fc = bpf_map_lookup_elem(&flows, &f);
    if (fc) *fc += len;
    else bpf_map_update_elem(&flows, &f, &len, BPF_ANY);
  }
  if (p.l4proto == IPPROTO_UDP && p.dport == 9) return XDP_DROP;
  return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
