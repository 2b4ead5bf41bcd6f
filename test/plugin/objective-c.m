// Objective-C files load the plugin without trouble.
// RUN: %fearless-mock -x objective-c -fsyntax-only %s
#include <pthread.h>
void *worker(void *);
void start(void) {
  int local = 0;
  pthread_t t;
  pthread_create(&t, 0, worker, &local);
  pthread_join(t, 0);
}
