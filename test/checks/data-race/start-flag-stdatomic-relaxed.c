/* The twin of ok-start-flag-stdatomic.c: the start flag is stored and
   loaded with C11's memory_order_relaxed, which orders nothing, so the
   spawner's write before the store can run at the same time as the
   thread's write after its spin-wait. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <pthread.h>
#include <stdatomic.h>

static int data;
static atomic_int go;

static void *worker(void *arg) {
  (void)arg;
  while (!atomic_load_explicit(&go, memory_order_relaxed)) {
  }
  data = 2; /* expected-warning {{data race on 'data': this write can run at the same time as a write in another thread}} expected-note {{help: make 'data' _Atomic(int)}} */
  return 0;
}

int run(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0); /* expected-note {{the thread is spawned here}} */
  data = 1; /* expected-note {{the other write is here}} */
  atomic_store_explicit(&go, 1, memory_order_relaxed);
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  return data;
}

#ifdef FEARLESS_RUN
int main(void) { return run() == 0; }
#endif
