/* A wrapper that hands pthread_create its caller's start routine and
   argument: the thread runs the routine on the caller's object.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
struct Stats { long done; };
static void *count(void *p) {
  struct Stats *s = p;
  s->done++; /* expected-warning {{data race on 's.done': this write can run at the same time as a read in another thread}} expected-note {{help: make 's.done' _Atomic(long)}} */
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
  thread_start(&t, count, &s); /* expected-note {{the thread is spawned here}} */
  long seen = s.done; /* expected-note {{the other read is here}} */
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  return (int)seen;
}
