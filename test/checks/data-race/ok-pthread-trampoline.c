/* The correct twin of pthread-trampoline.c: the function the trampoline
   calls is read only after the join.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
static int counter;
static void work(void) { counter++; }
static void *thread_entry(void *entry) {
  ((void (*)(void))entry)();
  return 0;
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, thread_entry, (void *)work);
  pthread_join(t, 0);
  return counter;
}
