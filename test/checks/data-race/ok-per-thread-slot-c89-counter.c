/* The per-thread slot of ok-per-thread-slot-argument.c with the loop
   counter declared before the loop, C89 style, and the slots on the heap
   (issue 13: liburcu's test_urcu.c, `&count_reader[i_thr]`). */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

void *calloc(unsigned long, unsigned long);

static void *reader(void *arg) {
  unsigned long *count = arg;
  *count = 42;
  return 0;
}

unsigned long readers(unsigned int n) {
  pthread_t tid[16];
  unsigned long *count_reader;
  unsigned int i_thr;
  int err;
  count_reader = calloc(16, sizeof(unsigned long));
  for (i_thr = 0; i_thr < n; i_thr++)
    err = pthread_create(&tid[i_thr], 0, reader, &count_reader[i_thr]);
  (void)err;
  unsigned long total = 0;
  for (i_thr = 0; i_thr < n; i_thr++) {
    pthread_join(tid[i_thr], 0);
    total += count_reader[i_thr];
  }
  return total;
}
