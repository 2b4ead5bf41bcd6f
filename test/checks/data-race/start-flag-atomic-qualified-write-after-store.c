/* The twin of ok-start-flag-atomic-qualified.c: the spawner writes `data`
   after it sets the flag, so the write can run at the same time as the
   thread's. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <pthread.h>

static int data;
static _Atomic int go;

static void *worker(void *arg) {
  (void)arg;
  while (!go) {
  }
  data = 2; /* expected-warning {{data race on 'data': this write can run at the same time as a write in another thread}} expected-note {{help: make 'data' _Atomic(int)}} */
  return 0;
}

int run(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0); /* expected-note {{the thread is spawned here}} */
  go = 1;
  data = 1; /* expected-note {{the other write is here}} */
  pthread_join(t, 0); /* expected-note {{the spawning function joins it only here}} */
  return data;
}

#ifdef FEARLESS_RUN
int main(void) { return run() == 0; }
#endif
