// The twin of ok-pthread-status-switch.c: the success case returns without
// joining, and the thread outlives 'v'.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#define _DEFAULT_SOURCE /* usleep, when run */
#include <pthread.h>

void *work(void *p);

int run(void) {
  int v = 0;
  pthread_t t;
  switch (pthread_create(&t, 0, work, &v)) { // expected-warning {{thread may outlive 'v', which it borrows}} expected-note {{the address of 'v' is passed to the thread here}}
  case 0:
    return 1; // expected-note {{the thread is not joined when this path is taken}} expected-note {{'v' is destroyed here}}
  default:
    return -1;
  }
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
