/* The correct twin of pthread-create-wrapper-argument.c: the caller reads
   its object only after the join.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
struct Stats { long done; };
static void *count(void *p) {
  struct Stats *s = p;
  s->done++;
  return 0;
}
static void thread_start(pthread_t *t, void *(*fn)(void *), void *arg) {
  int err = pthread_create(t, 0, fn, arg);
  if (err) {
    fprintf(stderr, "pthread_create: %d\n", err);
    exit(1);
  }
}
int main(void) {
  struct Stats s = {0};
  pthread_t t;
  thread_start(&t, count, &s);
  pthread_join(t, 0);
  return (int)s.done;
}
