// A writer that locks every element of a lock array in a loop excludes each
// reader holding one of them: the all-locks protocol (liburcu's per-thread
// locks, libcuckoo's lock table).
// RUN: %fearless -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <pthread.h>

#define N 4
static pthread_mutex_t locks[N];
static int shared;

static void *reader(void *arg) {
  long i = (long)arg;
  int v = 0;
  for (int k = 0; k < 20000; k++) {
    pthread_mutex_lock(&locks[i]);
    v += shared;
    pthread_mutex_unlock(&locks[i]);
  }
  return (void *)(long)v;
}

int main(void) {
  pthread_t t[N];
  for (long i = 0; i < N; i++) pthread_mutex_init(&locks[i], NULL);
  for (long i = 0; i < N; i++) pthread_create(&t[i], NULL, reader, (void *)i);
  for (int i = 0; i < N; i++) pthread_mutex_lock(&locks[i]);
  shared = 1;                          /* every reader's lock is held */
  for (int i = N - 1; i >= 0; i--) pthread_mutex_unlock(&locks[i]);
  for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
  return 0;
}
