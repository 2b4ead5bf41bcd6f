/* The twin of ok-start-flag-gnu-atomic-builtins.c: __ATOMIC_RELAXED on
   both sides orders nothing. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <pthread.h>

static int data;
static int go;

static void *worker(void *arg) {
  (void)arg;
  while (!__atomic_load_n(&go, __ATOMIC_RELAXED)) {
  }
  data = 2; /* expected-warning {{data race on 'data': this write can run at the same time as a write in another thread}} expected-note {{help: make 'data' _Atomic(int)}} */
  return 0;
}

int run(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0); /* expected-note {{the thread is spawned here}} */
  data = 1; /* expected-note {{the other write is here}} */
  __atomic_store_n(&go, 1, __ATOMIC_RELAXED);
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  return data;
}

#ifdef FEARLESS_RUN
int main(void) { return run() == 0; }
#endif
