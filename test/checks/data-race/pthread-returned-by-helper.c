/* A helper that starts a thread with pthread_create and returns its
   pthread_t starts that thread in its caller (lbzip2's and x264's
   xcreate-style wrappers): two calls are two threads at the same time.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
static int counter;
static void *work(void *p) {
  counter++; /* expected-warning {{data race on 'counter': this write can run at the same time as a write in another thread}} expected-note {{the other thread runs this same write}} expected-note {{help: make 'counter' _Atomic(int)}} */
  return p;
}
static pthread_t xcreate(void) {
  pthread_t t;
  pthread_create(&t, 0, work, 0); /* expected-note 2 {{'xcreate' starts the thread here and returns it}} */
  return t;
}
int main(void) {
  pthread_t a = xcreate(); /* expected-note {{one thread is spawned here}} */
  pthread_t b = xcreate(); /* expected-note {{the other thread is spawned here}} */
  pthread_join(a, 0);
  pthread_join(b, 0);
  return counter;
}
