/* The reported twin of ok-pthread-join-wrapper-pointer.c: the read comes
   before the wrapper joins the thread.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
static int counter;
static void *work(void *p) {
  counter++; /* expected-warning {{data race on 'counter': this write can run at the same time as a read in another thread}} expected-note {{help: make 'counter' _Atomic(int)}} */
  return p;
}
static int thread_join(pthread_t *tid) { return pthread_join(*tid, 0); }
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, work, 0); /* expected-note {{the thread is spawned here}} */
  int seen = counter; /* expected-note {{the other read is here}} */
  thread_join(&t); /* expected-note {{the spawning function joins it only here}} */
  return seen;
}
