/* Every atomic instruction clang emits for -mcpu=v3 (add, or, and, xor with and without
 * fetch, xchg, cmpxchg; 32 and 64 bits) on a map value, fed by 8 bytes of each packet.
 * Sluice compiles these to Atomics on the map's shared memory (maps shared by engines). */
#include "common.h"

struct vals {
  __u64 add64, or64, and64, xor64, xchg64, cas64, fetched64;
  __u32 add32, or32, and32, xor32, xchg32, cas32, fetched32, pad;
};

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, struct vals); } acc SEC(".maps");

SEC("xdp")
int atomics(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
  if (data + 22 > data_end) return XDP_DROP;
  __u64 v;
  __builtin_memcpy(&v, data + 14, 8);
  __u32 w = (__u32)(v >> 17);
  __u32 k = 0;
  struct vals *s = bpf_map_lookup_elem(&acc, &k);
  if (!s) return XDP_ABORTED;
  __u64 f = __sync_fetch_and_add(&s->add64, v);
  __sync_fetch_and_add(&s->add64, 0xffffffffULL);
  f ^= __sync_fetch_and_or(&s->or64, v & 0x0101010101010101ULL);
  f ^= __sync_fetch_and_and(&s->and64, v | 0x00ff00ff00ff00ffULL);
  __sync_fetch_and_or(&s->and64, v >> 7);
  f ^= __sync_fetch_and_xor(&s->xor64, v);
  f ^= __sync_lock_test_and_set(&s->xchg64, v);
  __u64 cur = s->cas64;
  f ^= __sync_val_compare_and_swap(&s->cas64, (v & 1) ? cur : cur + 1, v);
  s->fetched64 ^= f;
  __u32 g = __sync_fetch_and_add(&s->add32, w);
  g ^= __sync_fetch_and_or(&s->or32, w & 0x01010101);
  g ^= __sync_fetch_and_and(&s->and32, w | 0x00ff00ff);
  __sync_fetch_and_or(&s->and32, w >> 5);
  g ^= __sync_fetch_and_xor(&s->xor32, w);
  g ^= __sync_lock_test_and_set(&s->xchg32, w);
  __u32 cur32 = s->cas32;
  g ^= __sync_val_compare_and_swap(&s->cas32, (w & 2) ? cur32 : cur32 + 1, w);
  s->fetched32 ^= g;
  return (v & 4) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
