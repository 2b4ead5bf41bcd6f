/* The correct twin of heap-object-shared-through-local.c: the flag is
   _Atomic, the fields are written before the thread starts and read after
   the join, and each thread of the loop gets an object of its own.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdlib.h>
typedef struct { _Atomic int exit; int jobs; } pool_t;
static void *worker(void *arg) {
  pool_t *p = arg;
  while (!p->exit)
    ;
  p->jobs++;
  return 0;
}
int main(void) {
  pool_t *p = calloc(1, sizeof *p);
  if (!p)
    return 1;
  p->jobs = 1;
  pthread_t th;
  pthread_create(&th, 0, worker, p);
  p->exit = 1;
  pthread_join(th, 0);
  int jobs = p->jobs;
  free(p);
  pthread_t ts[4];
  pool_t *each[4];
  for (int i = 0; i < 4; i++) {
    pool_t *q = malloc(sizeof *q);
    q->exit = 1;
    q->jobs = i;
    each[i] = q;
    pthread_create(&ts[i], 0, worker, q);
  }
  for (int i = 0; i < 4; i++) {
    pthread_join(ts[i], 0);
    jobs += each[i]->jobs;
    free(each[i]);
  }
  return jobs;
}
