// The twin of ok-pthread-status-in-field.c: past the failure test the thread
// runs, and it is never joined before 'j' dies.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#define _DEFAULT_SOURCE /* usleep, when run */
#include <pthread.h>

struct job {
  pthread_t tid;
  int status;
  int v;
};
void *work(void *p);

int run(void) {
  struct job j = {0};
  j.status = pthread_create(&j.tid, 0, work, &j); // expected-warning {{thread may outlive 'j', which it borrows}} expected-note {{the address of 'j' is passed to the thread here}}
  if (j.status != 0)
    return -1;
  return 0; // expected-note {{the thread is not joined when this path is taken}} expected-note {{'j' is destroyed here}}
}

#ifdef FEARLESS_RUN
#include <unistd.h>
void *work(void *p) {
  usleep(20000);
  ((struct job *)p)->v = 5;
  return 0;
}
int main(void) {
  run();
  usleep(50000);
  return 0;
}
#endif
