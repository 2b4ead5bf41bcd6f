/* pbzip2's main (issue 13, class F): the consumers' handles live in an
   array the queue points to, `fifo->consumers[i]`, with `fifo` a local
   pointer set once. The joins through it join the threads started through
   it, so what runs after the join loop races with nothing. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
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
  for (int i = 0; i < 4; i++)
    pthread_join(fifo->consumers[i], 0);
  return q.items;
}

#ifdef FEARLESS_RUN
#include <stdlib.h>
struct queue *queueInit(int n) {
  struct queue *f = malloc(sizeof *f);
  f->consumers = calloc(n, sizeof(pthread_t));
  return f;
}
int main(void) {
  int r = run();
  return r < -100;
}
#endif
