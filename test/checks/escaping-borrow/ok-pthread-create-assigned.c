/* Regression (libuv): the branch taken when pthread_create fails, with the
   result assigned to an existing variable, has no thread.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics */
#include <pthread.h>
void *worker(void *);
int start(void) {
  int arg = 0, r;
  pthread_t tid;
  r = pthread_create(&tid, 0, worker, &arg);
  if (r)
    return -1; /* pthread_create failed: no thread was created */
  pthread_join(tid, 0);
  return 0;
}
