/* A start flag declared _Atomic and used with plain operators: `go = 1` is
   a seq_cst store and `while (!go)` a seq_cst load (C11 6.5.16.2), so the
   spawner's write of `data` before the store happens before the thread's
   write after the spin-wait. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <pthread.h>

static int data;
static _Atomic int go;

static void *worker(void *arg) {
  (void)arg;
  while (!go) {
  }
  data = 2;
  return 0;
}

int run(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  data = 1;
  go = 1;
  pthread_join(t, 0);
  return data;
}

#ifdef FEARLESS_RUN
int main(void) { return run() != 2; }
#endif
