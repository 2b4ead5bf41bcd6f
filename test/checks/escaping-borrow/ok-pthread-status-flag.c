// A new user's correct C: the status of pthread_create turned into a flag
// once (`int ok = rc == 0;`) and the flag tested: its failure branch has no
// thread.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <pthread.h>

void *work(void *p);

int run(void) {
  int v = 0;
  pthread_t t;
  int rc = pthread_create(&t, 0, work, &v);
  int ok = rc == 0;
  if (!ok)
    return -1;
  pthread_join(t, 0);
  return v;
}

#ifdef FEARLESS_RUN
void *work(void *p) {
  *(int *)p = 5;
  return 0;
}
int main(void) { return run() == 5 ? 0 : 1; }
#endif
