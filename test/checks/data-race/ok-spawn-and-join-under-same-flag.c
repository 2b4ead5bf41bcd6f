/* Threads started under `if (use_threads)` and joined under a later
   `if (use_threads)` on the same unchanged flag: when the flag is false no
   thread ran, so the teardown after the second if races with nothing
   (issue 13: pbzip2's consumers and queueDelete). */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

struct queue {
  pthread_mutex_t *mut;
  int items;
};

static void *consumer(void *arg) {
  struct queue *q = arg;
  pthread_mutex_lock(q->mut);
  q->items--;
  pthread_mutex_unlock(q->mut);
  return 0;
}

int drain(int argc, pthread_mutex_t *mut) {
  int use_threads = argc < 3;
  struct queue q;
  q.mut = mut;
  q.items = 4;
  pthread_t consumers[4];
  if (use_threads)
    for (int i = 0; i < 4; i++)
      pthread_create(&consumers[i], 0, consumer, &q);
  if (use_threads)
    for (int i = 0; i < 4; i++)
      pthread_join(consumers[i], 0);
  q.mut = 0; /* every consumer has been joined */
  return q.items;
}
