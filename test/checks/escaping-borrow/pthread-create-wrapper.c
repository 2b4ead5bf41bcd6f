/* A thread started through a wrapper of pthread_create (a project's
   thread_start that checks the error) borrows what the caller hands it:
   returning without a join lets it outlive the local.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
static void *worker(void *arg) {
  int *progress = arg;
  ++*progress;
  return 0;
}
static void thread_start(pthread_t *t, void *(*fn)(void *), void *arg) {
  if (pthread_create(t, 0, fn, arg) != 0)
    abort();
}
int run(int fail) {
  int progress = 0;
  pthread_t tid;
  thread_start(&tid, worker, &progress); /* expected-warning {{thread may outlive 'progress', which it borrows}} expected-note {{the address of 'progress' is passed to the thread here}} */
  if (fail)
    return 1; /* expected-note {{the thread is not joined when this path is taken}} expected-note {{'progress' is destroyed here}} */
  pthread_join(tid, 0);
  return progress;
}

#ifdef FEARLESS_RUN
#include <time.h>
static int reuse(void) {
  volatile int frame[64];
  for (int i = 0; i < 64; i++)
    frame[i] = i;
  return frame[3];
}
int main(void) {
  run(1);
  reuse();
  struct timespec pause = {0, 100000000};
  nanosleep(&pause, 0);
  return 0;
}
#endif
