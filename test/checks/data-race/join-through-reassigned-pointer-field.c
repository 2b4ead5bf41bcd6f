/* The twin of ok-join-through-local-pointer-field.c: `fifo` points to
   another queue by the time of the joins, so the threads started through
   the first one are never joined. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
#include <pthread.h>

struct queue {
  int items;
  pthread_t *consumers;
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

struct queue *queueInit(int n);

int run(void) {
  struct queue *fifo = queueInit(4);
  for (int i = 0; i < 4; i++)
    pthread_create(&fifo->consumers[i], 0, consumer, 0);
  fifo = queueInit(4); /* another queue */
  for (int i = 0; i < 4; i++)
    pthread_join(fifo->consumers[i], 0);
  return q.items;
}

// expected-warning@18 {{data race on 'q.items': this write can run at the same time as a read in another thread}}
// expected-note@32 {{the other read is here}}
// expected-note@28 {{the thread is spawned here}}
// expected-note@17 {{'mut' is held here, but not at the other access}}
// expected-note@18 {{help: hold 'mut' at the other access too}}

#ifdef FEARLESS_RUN
#include <stdlib.h>
#include <unistd.h>
static void *idle(void *arg) { return arg; }
struct queue *queueInit(int n) {
  static int calls;
  struct queue *f = malloc(sizeof *f);
  f->consumers = calloc(n, sizeof(pthread_t));
  if (calls++) /* the second queue: threads the joins can join */
    for (int i = 0; i < n; i++)
      pthread_create(&f->consumers[i], 0, idle, 0);
  return f;
}
int main(void) {
  int r = run();
  sleep(1); /* the first queue's consumers write after run() read */
  return r < -100;
}
#endif
