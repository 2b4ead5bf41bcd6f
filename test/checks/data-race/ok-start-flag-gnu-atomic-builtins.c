/* A start flag used through GNU __atomic builtins (an AtomicExpr, like
   <stdatomic.h>'s functions): a release store after the spawner's write of
   `data`, an acquire load in the thread's spin-wait before its write. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <pthread.h>

static int data;
static int go;

static void *worker(void *arg) {
  (void)arg;
  while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) {
  }
  data = 2;
  return 0;
}

int run(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  data = 1;
  __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
  pthread_join(t, 0);
  return data;
}

#ifdef FEARLESS_RUN
int main(void) { return run() != 2; }
#endif
