/* An array of structs, each holding the pthread_t of the thread it is given:
   every thread is joined through its element's field before the array dies.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics */
// CONFIRM: address -fsanitize-address-use-after-return=always
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

int run_all(void) {
  struct job jobs[4];
  for (int i = 0; i < 4; ++i) {
    jobs[i].count = i;
    pthread_create(&jobs[i].tid, 0, work, &jobs[i]);
  }
  for (int i = 0; i < 4; ++i)
    pthread_join(jobs[i].tid, 0);
  return jobs[3].count;
}

#ifdef FEARLESS_RUN
int main(void) { return run_all() != 4; }
#endif
