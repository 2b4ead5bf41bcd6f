/* The twin of ok-spawn-and-join-under-global-flag.c: a consumer the
   function starts sets the global flag, so the second test may skip the
   joins and the consumers race with the teardown after them (and the flag
   itself is raced on). */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <pthread.h>

struct queue {
  int items;
};

static pthread_mutex_t mut = PTHREAD_MUTEX_INITIALIZER;

static struct queue q;
static int no_threads = 0;

static void *consumer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mut); // expected-note 2 {{'mut' is held here, but not at the other access}}
  q.items--; // expected-warning {{data race on 'q.items'}} expected-note {{help: hold 'mut' at the other access too}}
  if (q.items < 2)
    no_threads = 1; // expected-warning {{data race on 'no_threads'}} expected-note {{help: hold 'mut' at the other access too}}
  pthread_mutex_unlock(&mut);
  return 0;
}

int run(int files, int ncpu) {
  pthread_t consumers[4];
  for (int f = 0; f < files; f++) {
    q.items = 4;
    if (ncpu == 1)
      no_threads = 1;
    else
      no_threads = 0;
    if (no_threads == 0)
      for (int i = 0; i < 4; i++)
        pthread_create(&consumers[i], 0, consumer, 0); // expected-note 2 {{the thread is spawned here}}
    if (no_threads == 0) // expected-note {{the other read is here}}
      for (int i = 0; i < 4; i++)
        pthread_join(consumers[i], 0); // expected-note 2 {{the spawning function joins it only here}}
    q.items = 0;
  }
  return q.items; // expected-note {{the other read is here}}
}

#ifdef FEARLESS_RUN
int main(void) { return run(1, 4); }
#endif
