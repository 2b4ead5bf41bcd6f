// A lock-all loop whose body checks the lock's result (`ret = lock(...);
// if (ret) exit(1);`) still holds every element after the loop.
// RUN: %fearless -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>
#include <stdlib.h>

#define N 4
static pthread_mutex_t locks[N];
static int shared;

static void *reader(void *arg) {
  long i = (long)arg;
  pthread_mutex_lock(&locks[i]);
  int v = shared;
  pthread_mutex_unlock(&locks[i]);
  return (void *)(long)v;
}

int main(void) {
  pthread_t t[N];
  int ret;
  for (long i = 0; i < N; i++)
    pthread_create(&t[i], NULL, reader, (void *)i);
  for (int i = 0; i < N; i++) {
    ret = pthread_mutex_lock(&locks[i]);
    if (ret)
      exit(1);
  }
  shared = 1;
  for (int i = N - 1; i >= 0; i--) {
    ret = pthread_mutex_unlock(&locks[i]);
    if (ret)
      exit(1);
  }
  for (int i = 0; i < N; i++)
    pthread_join(t[i], NULL);
  return 0;
}
