/* The twin of ok-per-thread-slot-start-macro.c: every thread is handed the
   same element, &recs[0], through the same start macro. */
// RUN: %fearless-mock -x c -Xclang -verify %s
// CONFIRM: thread
#include <pthread.h>

#define THREAD_START(t, fn, arg)                                             \
  do {                                                                       \
    if (!pthread_create(&(t), 0, fn, arg))                                   \
      setup(t);                                                              \
  } while (0)

struct rec {
  int timed_out;
};

static void setup(pthread_t t) { (void)t; }

static void *wait_for(void *arg) {
  struct rec *r = arg;
  for (int k = 0; k < 100000; ++k)
    r->timed_out += 1; // expected-warning {{data race on 'recs[0].timed_out'}} expected-note {{help:}}
  return 0;
}

int run(void) {
  pthread_t threads[4];
  struct rec recs[4] = {{0}};
  int i;
  for (i = 0; i < 4; ++i)
    THREAD_START(threads[i], wait_for, &recs[0]); // expected-note {{the same write runs in every thread started here, at the same time}}
  for (i = 0; i < 4; ++i)
    pthread_join(threads[i], 0);
  return recs[0].timed_out;
}

#ifdef FEARLESS_RUN
int main(void) { return run() > 0 ? 0 : 1; }
#endif
