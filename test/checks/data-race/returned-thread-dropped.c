/* The reported twin of ok-returned-thread-joined-through-table.c: the
   helper keeps no copy of the handle it returns, and the caller drops it, so
   nothing joins the thread and the caller's read runs beside it.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
#include <stdlib.h>
static long n_updates;
static pthread_t create_thread(void *(*func)(void *), void *arg) {
  pthread_t tid;
  if (pthread_create(&tid, NULL, func, arg) != 0) /* expected-note {{'create_thread' starts the thread here and returns it}} */
    abort();
  return tid;
}
static void *update_test(void *arg) {
  n_updates++; /* expected-warning {{data race on 'n_updates': this write can run at the same time as a read in another thread}} expected-note {{help: make 'n_updates' _Atomic(long)}} */
  return arg;
}
int main(void) {
  create_thread(update_test, NULL); /* expected-note {{the thread is spawned here}} */
  return n_updates == 1 ? 0 : 1; /* expected-note {{the other read is here}} */
}
