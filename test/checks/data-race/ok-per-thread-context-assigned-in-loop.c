/* Each thread gets a context of its own, allocated in the loop that starts
   the threads into a pointer declared before the loop (C89 style); the
   contexts point at one shared parent, which the threads update under its
   mutex. Writing the next thread's context does not touch the previous
   one's (issue 13: c-blosc's blosc.c, `thread_context->parent_context`). */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <pthread.h>

void *malloc(unsigned long);
void free(void *);

struct parent {
  pthread_mutex_t m;
  long total;
};
struct context {
  struct parent *parent;
  int tid;
};

static void *work(void *p) {
  struct context *c = p;
  pthread_mutex_lock(&c->parent->m);
  c->parent->total += c->tid;
  pthread_mutex_unlock(&c->parent->m);
  free(c);
  return 0;
}

int start(struct parent *shared, pthread_t *threads, int n) {
  struct context *tc;
  int i;
  for (i = 0; i < n; i++) {
    tc = (struct context *)malloc(sizeof *tc);
    tc->parent = shared;
    tc->tid = i;
    if (pthread_create(&threads[i], 0, work, (void *)tc))
      return -1;
  }
  return 0;
}

#ifdef FEARLESS_RUN
int main(void) {
  struct parent shared = {PTHREAD_MUTEX_INITIALIZER, 0};
  pthread_t threads[4];
  int i;
  if (start(&shared, threads, 4))
    return 1;
  for (i = 0; i < 4; i++)
    pthread_join(threads[i], 0);
  return shared.total != 6;
}
#endif
