/* A pthread borrowing a local and joined through a wrapper of pthread_join
   (lbzip2's xjoin) before the local dies borrows nothing too long.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdlib.h>
static void *worker(void *arg) {
  int *progress = arg;
  ++*progress;
  return 0;
}
static void xjoin(pthread_t thread) {
  if (pthread_join(thread, 0) != 0)
    abort();
}
int run(void) {
  int progress = 0;
  pthread_t tid;
  if (pthread_create(&tid, 0, worker, &progress) != 0)
    return -1;
  xjoin(tid);
  return progress;
}

#ifdef FEARLESS_RUN
int main(void) { return run() == 1 ? 0 : 1; }
#endif
