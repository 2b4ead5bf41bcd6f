/* The twin of ok-marked-volatile-accesses.c: a marked write
   (`*(volatile __typeof__(x) *)&(x) = v`, liburcu's CMM_STORE_SHARED)
   against a plain read of the same object still races; only two marked
   accesses are the idiom's atomics. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
#include <pthread.h>
#include <unistd.h>

#define CMM_ACCESS_ONCE(x) (*(__volatile__ __typeof__(x) *)&(x))
#define CMM_STORE_SHARED(x, v) ({ __typeof__(x) _v = (v); CMM_ACCESS_ONCE(x) = _v; _v; })

struct gp { int futex; };
static struct gp gp;

static void *reader(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    CMM_STORE_SHARED(gp.futex, i); /* expected-warning {{data race on 'gp.futex': this write can run at the same time as a read in another thread}} expected-note {{help:}} */
  return 0;
}

int run(void) {
  pthread_t t;
  pthread_create(&t, 0, reader, 0); /* expected-note {{the thread is spawned here}} */
  int seen = 0;
  for (int i = 0; i < 1000; i++)
    seen += gp.futex; /* expected-note {{the other read is here}} */
  pthread_join(t, 0); /* expected-note {{joins it only here}} */
  return seen < 0;
}

#ifdef FEARLESS_RUN
int main(void) { return run(); }
#endif
