// A new user's correct C: the status of pthread_create kept in a field of a
// local struct and tested there; its failure branch has no thread.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <pthread.h>

struct job {
  pthread_t tid;
  int status;
  int v;
};
void *work(void *p);

int run(void) {
  struct job j = {0};
  j.status = pthread_create(&j.tid, 0, work, &j);
  if (j.status != 0)
    return -1;
  pthread_join(j.tid, 0);
  return j.v;
}

#ifdef FEARLESS_RUN
void *work(void *p) {
  ((struct job *)p)->v = 5;
  return 0;
}
int main(void) { return run() == 5 ? 0 : 1; }
#endif
