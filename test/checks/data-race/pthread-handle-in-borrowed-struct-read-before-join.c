/* The reported twin of ok-pthread-handle-in-borrowed-struct.c: the read
   comes before the join through the struct's field.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>

struct job {
  pthread_t tid;
  int count;
};

static void *work(void *p) {
  struct job *j = p;
  j->count += 1; /* expected-warning {{data race on 'j.count'}} expected-note {{help: make 'j.count' _Atomic(int)}} */
  return 0;
}

int run_one(void) {
  struct job j = {0, 0};
  pthread_create(&j.tid, 0, work, &j); /* expected-note {{the thread is spawned here}} */
  int seen = j.count; /* expected-note {{the other read is here}} */
  pthread_join(j.tid, 0); /* expected-note {{the spawning function joins it only here}} */
  return seen;
}

#ifdef FEARLESS_RUN
int main(void) { return run_one() > 1; }
#endif
