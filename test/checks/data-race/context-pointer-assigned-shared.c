/* The twin of ok-per-thread-context-assigned-in-loop.c: the pointer
   declared before the loop is assigned one shared context, so every thread
   updates the same object without a lock. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: -O1
#include <pthread.h>

struct context {
  long total;
};

static void *work(void *p) {
  struct context *c = p;
  int k;
  for (k = 0; k < 100000; k++)
    c->total += 1; /* expected-warning {{data race on 'shared.total': this write can run at the same time as a write in another thread}} expected-note {{help: make 'shared.total' _Atomic(long)}} */
  return 0;
}

long run(pthread_t *threads, int n) {
  struct context shared = {0};
  struct context *tc;
  int i;
  for (i = 0; i < n; i++) {
    tc = &shared;
    pthread_create(&threads[i], 0, work, (void *)tc); /* expected-note {{the same write runs in every thread started here, at the same time}} */
  }
  for (i = 0; i < n; i++)
    pthread_join(threads[i], 0);
  return shared.total;
}

#ifdef FEARLESS_RUN
int main(void) {
  pthread_t threads[4];
  return run(threads, 4) == 7;
}
#endif
