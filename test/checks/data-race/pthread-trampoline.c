/* A trampoline start routine calls the function pointer it is given as its
   argument (lbzip2's thread_entry): the thread runs that function.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
static int counter;
static void work(void) {
  counter++; /* expected-warning {{data race on 'counter': this write can run at the same time as a read in another thread}} expected-note {{help: make 'counter' _Atomic(int)}} */
}
static void *thread_entry(void *entry) {
  ((void (*)(void))entry)();
  return 0;
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, thread_entry, (void *)work); /* expected-note {{the thread is spawned here}} */
  int seen = counter; /* expected-note {{the other read is here}} */
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  return seen;
}
