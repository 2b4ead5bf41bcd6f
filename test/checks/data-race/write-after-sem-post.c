/* A write after sem_post() is not ordered by the semaphore: the spawner
   may read the payload while the producer still writes it.
   RUN: %fearless -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
#include <semaphore.h>
static sem_t ready;
static int payload;
static void *producer(void *arg) {
  (void)arg;
  sem_post(&ready);
  payload = 42; /* expected-warning {{data race on 'payload': this write can run at the same time as a read in another thread}} expected-note {{help: make 'payload' _Atomic(int)}} */
  return 0;
}
int handoff(void) {
  pthread_t t;
  sem_init(&ready, 0, 0);
  if (pthread_create(&t, 0, producer, 0) != 0) /* expected-note {{the thread is spawned here}} */
    return -1;
  sem_wait(&ready);
  int v = payload; /* expected-note {{the other read is here}} */
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  return v;
}
