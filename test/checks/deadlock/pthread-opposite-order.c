// C with POSIX threads: one thread takes stats_lock then cache_lock, the
// other cache_lock then stats_lock.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
#include <pthread.h>

pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
long items, hits;

static void *reader(void *arg) {
  pthread_mutex_lock(&stats_lock); // expected-note {{'stats_lock' is locked here, and still held}}
  pthread_mutex_lock(&cache_lock); // expected-warning {{lock order inversion: 'cache_lock' is locked while 'stats_lock' is held, and another thread may lock them in the opposite order [fearless-deadlock]}} expected-note {{help: take 'stats_lock' and 'cache_lock' in the same order everywhere}}
  hits += items;
  pthread_mutex_unlock(&cache_lock);
  pthread_mutex_unlock(&stats_lock);
  return arg;
}

static void *writer(void *arg) {
  pthread_mutex_lock(&cache_lock); // expected-note {{'cache_lock' is locked here, and still held}}
  ++items;
  pthread_mutex_lock(&stats_lock); // expected-note {{the other thread locks 'stats_lock' here while holding 'cache_lock'}}
  ++hits;
  pthread_mutex_unlock(&stats_lock);
  pthread_mutex_unlock(&cache_lock);
  return arg;
}

int run(void) {
  pthread_t a, b;
  pthread_create(&a, 0, reader, 0); // expected-note {{one thread is spawned here}}
  pthread_create(&b, 0, writer, 0); // expected-note {{the other thread is spawned here}}
  pthread_join(a, 0);
  pthread_join(b, 0);
  return 0;
}

#ifdef FEARLESS_RUN
// Both orders on two threads, one after the other: ThreadSanitizer reports
// the inversion (lock-order-inversion) without the program hanging.
int main(void) {
  pthread_t a, b;
  pthread_create(&a, 0, reader, 0);
  pthread_join(a, 0);
  pthread_create(&b, 0, writer, 0);
  pthread_join(b, 0);
  return 0;
}
#endif
