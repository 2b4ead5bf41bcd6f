// The twin of ok-lock-every-element-in-loop.c: the writer releases every
// lock before it writes.
// RUN: %fearless -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <pthread.h>
#define N 4
static pthread_mutex_t locks[N];
static int shared;
static void *reader(void *arg) {
  long i = (long)arg;
  int v = 0;
  for (int k = 0; k < 20000; k++) {
    pthread_mutex_lock(&locks[i]); /* expected-note {{'locks[...]' is held here, but not at the other access}} */
    v += shared; /* expected-note {{the other read is here}} */
    pthread_mutex_unlock(&locks[i]);
  }
  return (void *)(long)v;
}
int main(void) {
  pthread_t t[N];
  for (long i = 0; i < N; i++) pthread_mutex_init(&locks[i], NULL);
  for (long i = 0; i < N; i++) pthread_create(&t[i], NULL, reader, (void *)i); /* expected-note {{the thread is spawned here}} */
  for (int i = 0; i < N; i++) pthread_mutex_lock(&locks[i]);
  for (int i = N - 1; i >= 0; i--) pthread_mutex_unlock(&locks[i]);
  for (int k = 0; k < 2000; k++)
    shared = k; /* expected-warning {{data race on 'shared'}} expected-note {{help: hold 'locks[...]' at the other access too}} */
  for (int i = 0; i < N; i++) pthread_join(t[i], NULL); /* expected-note {{the spawning function joins it only here}} */
  return 0;
}
