/* EXPECT: none
   FOUND IN: libuv test/runner-unix.c:272
   VERDICT: FP: the branch taken when pthread_create fails (r != 0) has no thread; with `int r = pthread_create(...)` it is understood, with `r = pthread_create(...)` it is not */
#include <pthread.h>
void *worker(void *);
int start(void) {
  int arg = 0, r;
  pthread_t tid;
  r = pthread_create(&tid, 0, worker, &arg);
  if (r)
    return -1; /* pthread_create failed: no thread was created */
  pthread_join(tid, 0);
  return 0;
}
