/* An object from malloc/calloc that only a local names, passed to a thread
   and written beside it: the local names that one object, as with `new T`
   or the address of a local (x264's thread pool: the worker polls
   pool->exit, x264_threadpool_delete sets it).
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
#include <stdlib.h>
typedef struct { int exit; int jobs; } pool_t;
static void *worker(void *arg) {
  pool_t *p = arg;
  while (!p->exit) /* expected-note {{the other read is here}} */
    ;
  return 0;
}
int main(void) {
  pool_t *p = calloc(1, sizeof *p);
  if (!p)
    return 1;
  pthread_t th;
  pthread_create(&th, 0, worker, p); /* expected-note {{the thread is spawned here}} */
  p->exit = 1; /* expected-warning {{data race on 'p->exit': this write can run at the same time as a read in another thread}} expected-note {{help: make 'p->exit' _Atomic(int)}} */
  pthread_join(th, 0); /* expected-note {{the spawning function joins it only here}} */
  free(p);
  return 0;
}
