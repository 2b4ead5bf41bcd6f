/* Found in libevent test/regress_dns.c (getaddrinfo_race_gotresolve_test):
   the spawner counts the busy-wait threads it starts in a plain field, then
   sets an atomic stop flag with C11's atomic_store; each thread spins on
   atomic_load of the flag before it touches the counter. The seq_cst store
   after the increments and the load before the decrement order them
   (<stdatomic.h>'s functions are __c11_atomic_* builtins, not calls). */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <pthread.h>
#include <stdatomic.h>

struct race_param {
  pthread_mutex_t lock;
  int bw_threads;
  atomic_int stopping;
};

static void *busywait(void *arg) {
  struct race_param *rp = arg;
  while (!atomic_load(&rp->stopping)) {
  }
  pthread_mutex_lock(&rp->lock);
  --rp->bw_threads;
  pthread_mutex_unlock(&rp->lock);
  return 0;
}

int run(void) {
  struct race_param rp;
  pthread_t t[4];
  pthread_mutex_init(&rp.lock, 0);
  rp.bw_threads = 0;
  atomic_init(&rp.stopping, 0);
  for (int i = 0; i < 4; i++) {
    rp.bw_threads++;
    pthread_create(&t[i], 0, busywait, &rp);
  }
  atomic_store(&rp.stopping, 1);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], 0);
  return rp.bw_threads;
}

#ifdef FEARLESS_RUN
int main(void) { return run(); }
#endif
