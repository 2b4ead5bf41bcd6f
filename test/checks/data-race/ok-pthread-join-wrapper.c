/* A thread joined through a wrapper of pthread_join that checks the error
   (lbzip2's xjoin): what follows the call no longer runs beside the thread.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
static int counter;
static void *work(void *p) {
  counter++;
  return p;
}
static void xjoin(pthread_t thread) {
  int err = pthread_join(thread, 0);
  if (err) {
    fprintf(stderr, "pthread_join: %d\n", err);
    abort();
  }
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, work, 0);
  xjoin(t);
  return counter;
}
