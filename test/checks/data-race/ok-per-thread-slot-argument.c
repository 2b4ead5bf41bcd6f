/* The C twin of ok-per-thread-slot-captured.cpp: &count[i] handed to thread
   i by pthread_create (issue 13: liburcu's test_urcu.c, libevent's
   regress_thread.c). */
// RUN: %fearless-mock -x c -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

static void *reader(void *arg) {
  unsigned long *count = arg;
  *count = 42;
  return 0;
}

unsigned long readers(void) {
  pthread_t tid[4];
  unsigned long count[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&tid[i], 0, reader, &count[i]);
  unsigned long total = 0;
  for (int i = 0; i < 4; i++) {
    pthread_join(tid[i], 0);
    total += count[i];
  }
  return total;
}
