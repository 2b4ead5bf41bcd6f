/* Through a pointer to scalars, `*p` is the element p[0], not the elements
   p[i] that another thread writes with i from 1 (lbzip2's schedule() keeps
   the primary thread's handle in worker_thread[0] while that thread fills
   in the others).
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdlib.h>
enum { NUM_WORKER = 4 };
static pthread_t *worker_thread;
static _Atomic int done;
static void *worker_thread_proc(void *p) {
  done++;
  return p;
}
static void *primary_thread(void *p) {
  for (unsigned i = 1u; i < NUM_WORKER; ++i)
    pthread_create(&worker_thread[i], 0, worker_thread_proc, 0);
  for (unsigned i = 1u; i < NUM_WORKER; ++i)
    pthread_join(worker_thread[i], 0);
  return p;
}
static pthread_t start(void) {
  pthread_t t;
  pthread_create(&t, 0, primary_thread, 0);
  return t;
}
int main(void) {
  worker_thread = malloc(NUM_WORKER * sizeof *worker_thread);
  *worker_thread = start();
  pthread_join(*worker_thread, 0);
  free(worker_thread);
  return done == NUM_WORKER - 1 ? 0 : 1;
}
