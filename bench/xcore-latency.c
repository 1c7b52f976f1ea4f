/*
 * Cross-core cache-line round trip between CPU A and CPU B (default 0 and 1), printed every
 * 100 ms for SECS seconds: the latency of the miss that dominates the vhost-user loop (one
 * core writes a ring line, the other reads it). On a VM it shows where the host placed the
 * two vCPUs: same L3 (CCX) or not. Build and run: bench/xcore-latency.sh [SECS] [A] [B].
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <time.h>

static _Alignas(64) _Atomic long ping;
static _Alignas(64) _Atomic long pong;
static _Atomic int stop;

static void pin(int cpu) {
  cpu_set_t s; CPU_ZERO(&s); CPU_SET(cpu, &s);
  if (pthread_setaffinity_np(pthread_self(), sizeof s, &s) != 0) { perror("affinity"); exit(1); }
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static void *echo(void *arg) {
  pin(*(int *)arg);
  long seen = 0;
  while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
    long v = atomic_load_explicit(&ping, memory_order_acquire);
    if (v != seen) { seen = v; atomic_store_explicit(&pong, v, memory_order_release); }
  }
  return NULL;
}

int main(int argc, char **argv) {
  double secs = argc > 1 ? atof(argv[1]) : 10;
  int a = argc > 2 ? atoi(argv[2]) : 0, b = argc > 3 ? atoi(argv[3]) : 1;
  pthread_t t; pthread_create(&t, NULL, echo, &b);
  pin(a);
  double t0 = now(), end = t0 + secs;
  long i = 0;
  while (now() < end) {
    double w0 = now(); long n = 0;
    while (now() - w0 < 0.1) {
      for (int k = 0; k < 1000; k++) {
        atomic_store_explicit(&ping, ++i, memory_order_release);
        while (atomic_load_explicit(&pong, memory_order_acquire) != i) {}
      }
      n += 1000;
    }
    printf("t=%.1f rtt_ns=%.1f\n", now() - t0, (now() - w0) * 1e9 / n);
    fflush(stdout);
  }
  atomic_store(&stop, 1);
  pthread_join(t, NULL);
  return 0;
}
