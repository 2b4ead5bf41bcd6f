/* Issue 13, class F with a global flag: the consumers are spawned and
   joined under `if (no_threads == 0)`, no_threads a static global. Nothing
   but the function's own assignments writes it between the two tests: not
   the producer it calls (its summary), not the consumers it starts. So the
   false edge of the second test is never taken after a spawn, and the
   teardown after the joins races with nothing. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <pthread.h>

struct queue {
  int items;
};

static pthread_mutex_t mut = PTHREAD_MUTEX_INITIALIZER;

static struct queue q;
static int no_threads = 0;
static int produced = 0;

static void *consumer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mut);
  q.items--;
  pthread_mutex_unlock(&mut);
  return 0;
}

static void produce(void) {
  pthread_mutex_lock(&mut);
  produced++;
  pthread_mutex_unlock(&mut);
}

int run(int files, int ncpu) {
  pthread_t consumers[4];
  for (int f = 0; f < files; f++) {
    q.items = 4; /* the previous file's consumers have been joined */
    if (ncpu == 1)
      no_threads = 1;
    else
      no_threads = 0;
    if (no_threads == 0)
      for (int i = 0; i < 4; i++)
        pthread_create(&consumers[i], 0, consumer, 0);
    produce();
    if (no_threads == 0)
      for (int i = 0; i < 4; i++)
        pthread_join(consumers[i], 0);
    q.items = 0; /* every consumer has been joined */
  }
  return q.items;
}

#ifdef FEARLESS_RUN
int main(void) { return run(3, 4); }
#endif
