/* The reported twin of ok-pthread-handle-in-borrowed-struct.c: the handle
   in the struct's field is never joined, and the struct dies on return.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
 */
// CONFIRM: address -fsanitize-address-use-after-return=always
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <unistd.h>

struct job {
  pthread_t tid;
  int count;
};

static void *work(void *p) {
  struct job *j = p;
  usleep(50000);
  j->count += 1;
  return 0;
}

void start(void) {
  struct job j = {0, 0};
  pthread_create(&j.tid, 0, work, &j); /* expected-warning {{thread may outlive 'j', which it borrows}} expected-note {{the address of 'j' is passed to the thread here}} */
} /* expected-note {{'j' is destroyed here}} expected-note {{the thread is not joined when this path is taken}} */

#ifdef FEARLESS_RUN
int main(void) {
  start();
  usleep(200000);
  return 0;
}
#endif
