// The twin of ok-pthread-status-unlikely.c: past the failure test the
// thread runs, and it is never joined before 'v' dies.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#define _DEFAULT_SOURCE /* usleep, when run */
#include <pthread.h>
#define unlikely(x) __builtin_expect(!!(x), 0)

void *work(void *p);

int run(void) {
  int v = 0;
  pthread_t t;
  int ret = pthread_create(&t, 0, work, &v); // expected-warning {{thread may outlive 'v', which it borrows}} expected-note {{the address of 'v' is passed to the thread here}}
  if (unlikely(ret))
    return -1;
  return 0; // expected-note {{the thread is not joined when this path is taken}} expected-note {{'v' is destroyed here}}
}

#ifdef FEARLESS_RUN
#include <unistd.h>
void *work(void *p) {
  usleep(20000);
  *(int *)p = 5;
  return 0;
}
int main(void) {
  run();
  usleep(50000);
  return 0;
}
#endif
