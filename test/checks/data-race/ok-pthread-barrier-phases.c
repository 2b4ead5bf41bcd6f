/* One thread writes a value, then both threads meet at a pthread barrier,
   then the other reads it: pthread_barrier_wait() orders the write before
   the read.
   RUN: %fearless -x c -std=c11 -D_GNU_SOURCE -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
static pthread_barrier_t meet;
static int value;
static void *writer(void *arg) {
  (void)arg;
  value = 1;
  pthread_barrier_wait(&meet);
  return 0;
}
static void *reader(void *arg) {
  (void)arg;
  pthread_barrier_wait(&meet);
  return (void *)(long)value;
}
int phases(void) {
  pthread_t a, b;
  pthread_barrier_init(&meet, 0, 2);
  pthread_create(&a, 0, writer, 0);
  pthread_create(&b, 0, reader, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  return 0;
}
