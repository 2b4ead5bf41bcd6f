/* C code starts and joins its threads through wrappers that check the error
   (lbzip2's xcreate and xjoin): a call of xcreate starts the thread its
   pthread_create call does, in the caller, and xjoin joins it.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
#include <stdlib.h>
static int counter;
static void work(void) {
  counter++; /* expected-warning {{data race on 'counter': this write can run at the same time as a read in another thread}} expected-note {{help: make 'counter' _Atomic(int)}} */
}
static void *thread_entry(void *entry) {
  ((void (*)(void))entry)();
  return 0;
}
static void xcreate(pthread_t *thread, void (*entry)(void)) {
  if (pthread_create(thread, 0, thread_entry, (void *)entry) != 0)
    abort();
}
static void xjoin(pthread_t thread) {
  if (pthread_join(thread, 0) != 0)
    abort();
}
int main(void) {
  pthread_t t;
  xcreate(&t, work); /* expected-note {{the thread is spawned here}} */
  int seen = counter; /* expected-note {{the other read is here}} */
  xjoin(t); /* expected-note {{the spawning function joins it only here}} */
  return seen;
}
