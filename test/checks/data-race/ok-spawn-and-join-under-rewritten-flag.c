/* pbzip2's main loop (issue 13, class F): the flag the consumers are
   spawned under is a local the loop rewrites for every file, and the
   spawning branch itself may rewrite it (falling back to one thread) while
   setting a second flag that the join tests too. On every path from the
   spawn to the second test the flag is unchanged or the fallback flag is
   set, so the teardown after the joins and the next file's reset race with
   nothing. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

struct queue {
  int items;
};

static pthread_mutex_t mut = PTHREAD_MUTEX_INITIALIZER;

static struct queue q;

static void *consumer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mut);
  q.items--;
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
    q.items = 4; /* the previous file's consumers have been joined */
    if (ncpu == 1)
      noThreads = 1;
    else
      noThreads = 0;
    if (noThreads == 0) {
      for (int i = 0; i < 4; i++)
        pthread_create(&consumers[i], 0, consumer, 0);
      if (produce(&q) == -99) {
        noThreads = 1; /* only one block: finish without threads */
        switched = 1;
      }
    }
    if (noThreads == 0 || switched)
      for (int i = 0; i < 4; i++)
        pthread_join(consumers[i], 0);
    q.items = 0; /* every consumer has been joined */
  }
  return q.items;
}

#ifdef FEARLESS_RUN
int produce(struct queue *q) {
  (void)q;
  return -99; /* one block: the fallback path */
}
int main(void) { return run(2, 4) < -100; }
#endif
