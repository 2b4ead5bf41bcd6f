/* The correct twin of pthread-create-wrapper.c: what the thread writes is
   read after xjoin, a wrapper of pthread_join, joins it.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <stdlib.h>
static int counter;
static void work(void) { counter++; }
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
  xcreate(&t, work);
  xjoin(t);
  return counter;
}
