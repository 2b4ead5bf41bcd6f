/* &recs[i] handed to thread i through a start macro wrapped in
   `do { ... } while (0)` (libevent's THREAD_START, regress_thread.c): the
   macro's one-shot loop is not the loop that starts the copies, so each
   thread still owns its element. */
// RUN: %fearless-mock -x c -Xclang -verify %s
// expected-no-diagnostics
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
  r->timed_out = 1;
  return 0;
}

int run(void) {
  pthread_t threads[4];
  struct rec recs[4] = {{0}};
  int i;
  for (i = 0; i < 4; ++i)
    THREAD_START(threads[i], wait_for, &recs[i]);
  for (i = 0; i < 4; ++i)
    pthread_join(threads[i], 0);
  return recs[0].timed_out + recs[3].timed_out;
}

#ifdef FEARLESS_RUN
int main(void) { return run() == 2 ? 0 : 1; }
#endif
