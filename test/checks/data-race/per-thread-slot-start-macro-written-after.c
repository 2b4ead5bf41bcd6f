/* The spawn sits in a start macro's do { } while (0) inside the loop that
   starts the copies: &slots[i] is thread i's own element, but the spawner
   writes slots[i] right after starting thread i, while that thread runs.
   The do-while(0) is not the loop of copies, for this pairing either. */
// RUN: %fearless-mock -x c -Xclang -verify %s
// CONFIRM: thread
#include <pthread.h>

#define THREAD_START(t, fn, arg)                                             \
  do {                                                                       \
    pthread_create(&(t), 0, fn, arg);                                        \
  } while (0)

static void *bump(void *arg) {
  long *slot = arg;
  for (int k = 0; k < 100000; ++k)
    *slot += 1; // expected-warning {{data race on 'slots[i]': this write can run at the same time as a write in another thread}} expected-note {{help:}}
  return 0;
}

long run(void) {
  pthread_t threads[4];
  long slots[4] = {0};
  int i;
  for (i = 0; i < 4; ++i) {
    THREAD_START(threads[i], bump, &slots[i]); // expected-note {{the thread is spawned here}}
    for (int k = 0; k < 100000; ++k)
      slots[i] = 0; // expected-note {{the other write is here}}
  }
  for (i = 0; i < 4; ++i)
    pthread_join(threads[i], 0); // expected-note {{the spawning function joins it only here}}
  return slots[0];
}

#ifdef FEARLESS_RUN
int main(void) { return run() >= 0 ? 0 : 1; }
#endif
