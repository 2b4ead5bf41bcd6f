/* The twin of ok-lock-wrapper-function.c: the consumer takes the mutex
   through the wrapper, the producer writes without it. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
#include <pthread.h>

static pthread_mutex_t done_mutex = PTHREAD_MUTEX_INITIALIZER;
static int done;

static void safe_lock(pthread_mutex_t *m) { pthread_mutex_lock(m); }
static void safe_unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }

static void *consumer(void *arg) {
  (void)arg;
  safe_lock(&done_mutex); // expected-note {{'done_mutex' is held here, but not at the other access}}
  int seen = done; // expected-note {{the other read is here}}
  safe_unlock(&done_mutex);
  return (void *)(long)seen;
}

void finishUnlocked(void) {
  pthread_t t;
  pthread_create(&t, 0, consumer, 0); // expected-note {{the thread is spawned here}}
  done = 1; // expected-warning {{data race on 'done': this write can run at the same time as a read in another thread}} expected-note {{help: hold 'done_mutex' at the other access too}}
  pthread_join(t, 0); // expected-note {{joins it only here}}
}
