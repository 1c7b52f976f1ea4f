/* Push an 802.1Q tag (VID from .rodata) on untagged packets with bpf_xdp_adjust_head, pop one on
 * tagged packets; trim UDP padding with adjust_tail; pad short frames to 60 bytes (adjust_tail grow +
 * store_bytes); stamp the first 4 bytes of the payload copied with load_bytes. */
#include "common.h"

const volatile __u16 vid = 100;

SEC("xdp")
int vlan(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > data_end) return XDP_DROP;
  if (eth->h_proto == bpf_htons(ETH_P_8021Q)) {
    struct ethhdr copy;
    __builtin_memcpy(&copy, eth, 12);
    if (bpf_xdp_adjust_head(ctx, 4)) return XDP_ABORTED;
    data = (void *)(long)ctx->data; data_end = (void *)(long)ctx->data_end;
    eth = data;
    if ((void *)(eth + 1) > data_end) return XDP_ABORTED;
    __builtin_memcpy(eth, &copy, 12);
  } else {
    __u16 proto = eth->h_proto;
    unsigned char macs[12];
    __builtin_memcpy(macs, eth, 12);
    if (bpf_xdp_adjust_head(ctx, -4)) return XDP_ABORTED;
    data = (void *)(long)ctx->data; data_end = (void *)(long)ctx->data_end;
    if (data + 18 > data_end) return XDP_ABORTED;
    __builtin_memcpy(data, macs, 12);
    struct vlan_hdr *v = data + 14;
    *(__be16 *)(data + 12) = bpf_htons(ETH_P_8021Q);
    v->tci = bpf_htons(vid);
    v->proto = proto;
  }
  /* Total length vs IPv4 header: trim the Ethernet padding. */
  data = (void *)(long)ctx->data; data_end = (void *)(long)ctx->data_end;
  struct parsed p;
  if (parse(data, data_end, &p) < 0) return XDP_PASS;
  if (p.l3proto == ETH_P_IP) {
    struct iphdr *ip = p.l3;
    if ((void *)(ip + 1) > data_end) return XDP_PASS;
    long want = (void *)ip - data + bpf_ntohs(ip->tot_len);
    long have = data_end - data;
    if (want >= 34 && want < have) {
      if (bpf_xdp_adjust_tail(ctx, (int)(want - have))) return XDP_ABORTED;
    }
  }
  long len = (long)ctx->data_end - (long)ctx->data;
  if (len < 60) {
    if (bpf_xdp_adjust_tail(ctx, (int)(60 - len))) return XDP_ABORTED;
    __u32 mark = 0xa5a5a5a5;
    if (bpf_xdp_store_bytes(ctx, 56, &mark, 4)) return XDP_ABORTED;
  }
  __u8 b[4];
  if (bpf_xdp_load_bytes(ctx, 14, b, 4) == 0) {
    __u8 r[4] = { b[3], b[2], b[1], b[0] };
    bpf_xdp_store_bytes(ctx, 14, r, 4);
  }
  return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
