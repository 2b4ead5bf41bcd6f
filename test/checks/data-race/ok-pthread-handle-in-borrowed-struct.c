/* The thread's pthread_t is a field of the struct the thread is given; the
   join through that field comes before the read.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics */
#include <pthread.h>

struct job {
  pthread_t tid;
  int count;
};

static void *work(void *p) {
  struct job *j = p;
  j->count += 1;
  return 0;
}

int run_one(void) {
  struct job j = {0, 0};
  pthread_create(&j.tid, 0, work, &j);
  pthread_join(j.tid, 0);
  return j.count;
}

#ifdef FEARLESS_RUN
int main(void) { return run_one() != 1; }
#endif
