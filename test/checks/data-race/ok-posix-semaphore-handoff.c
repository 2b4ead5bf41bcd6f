/* A producer writes the payload and posts a POSIX semaphore; the spawner
   waits on it before reading: sem_post() happens before the sem_wait() it
   releases.
   RUN: %fearless -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
#include <semaphore.h>
static sem_t ready;
static int payload;
static void *producer(void *arg) {
  (void)arg;
  payload = 42;
  sem_post(&ready);
  return 0;
}
int handoff(void) {
  pthread_t t;
  sem_init(&ready, 0, 0);
  if (pthread_create(&t, 0, producer, 0) != 0)
    return -1;
  sem_wait(&ready);
  int v = payload;
  pthread_join(t, 0);
  return v;
}
