/* The twin of ok-spawn-and-join-under-rewritten-flag.c: the spawning
   branch rewrites the flag without setting the fallback flag the join
   tests, so on that path the consumers are never joined and race with
   what runs after the loop. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
#include <pthread.h>

struct queue {
  int items;
};

static pthread_mutex_t mut = PTHREAD_MUTEX_INITIALIZER;

static struct queue q;

static void *consumer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mut); // expected-note {{'mut' is held here, but not at the other access}}
  q.items--; // expected-warning {{data race on 'q.items': this write can run at the same time as a read in another thread}} expected-note {{help: hold 'mut' at the other access too}}
  pthread_mutex_unlock(&mut);
  return 0;
}

int produce(struct queue *q);

int run(int files, int ncpu) {
  pthread_t consumers[4];
  int noThreads = 0;
  int switched = 0;
  for (int f = 0; f < files; f++) {
    switched = 0;
    q.items = 4;
    if (ncpu == 1)
      noThreads = 1;
    else
      noThreads = 0;
    if (noThreads == 0) {
      for (int i = 0; i < 4; i++)
        pthread_create(&consumers[i], 0, consumer, 0); // expected-note {{the thread is spawned here}}
      if (produce(&q) == -99)
        noThreads = 1; /* the fallback flag is not set */
    }
    if (noThreads == 0 || switched)
      for (int i = 0; i < 4; i++)
        pthread_join(consumers[i], 0); // expected-note {{the spawning function joins it only here}}
    q.items = 0;
  }
  return q.items; // expected-note {{the other read is here}}
}

#ifdef FEARLESS_RUN
int produce(struct queue *q) {
  (void)q;
  return -99; /* one block: the fallback path */
}
int main(void) { return run(2, 4) < -100; }
#endif
