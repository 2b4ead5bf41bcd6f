// A new user's correct C: the status of pthread_create tested through the
// usual `unlikely()` macro (__builtin_expect(!!(x), 0)): its branch is the
// failure branch, with no thread.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <pthread.h>
#define unlikely(x) __builtin_expect(!!(x), 0)

void *work(void *p);

int run(void) {
  int v = 0;
  pthread_t t;
  int ret = pthread_create(&t, 0, work, &v);
  if (unlikely(ret))
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
