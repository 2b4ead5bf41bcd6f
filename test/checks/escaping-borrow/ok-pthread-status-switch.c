// A new user's correct C: the status of pthread_create dispatched by a
// switch; every case but `case 0` is a failure, with no thread.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <pthread.h>

void *work(void *p);
void complain(int);

int run(void) {
  int v = 0;
  pthread_t t;
  switch (pthread_create(&t, 0, work, &v)) {
  case 0:
    break;
  case 11: /* EAGAIN */
    complain(11);
    return -2;
  default:
    return -1;
  }
  pthread_join(t, 0);
  return v;
}

#ifdef FEARLESS_RUN
void *work(void *p) {
  *(int *)p = 5;
  return 0;
}
void complain(int e) { (void)e; }
int main(void) { return run() == 5 ? 0 : 1; }
#endif
