/* `*p` and `p[0]` are the same element: written by two threads at once, a
   race (the reported twin of ok-deref-is-element-zero.c).
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
#include <stdlib.h>
static long *slots;
static void *fill(void *p) {
  slots[0] = 1; /* expected-warning {{data race on 'slots[0]': this write can run at the same time as a write in another thread}} expected-note {{help: guard both accesses with the same mutex, or give each thread its own copy}} */
  return p;
}
int main(void) {
  slots = calloc(4, sizeof *slots);
  pthread_t t;
  pthread_create(&t, 0, fill, 0); /* expected-note {{the thread is spawned here}} */
  *slots = 2; /* expected-note {{the other write is here}} */
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  free(slots);
  return 0;
}
