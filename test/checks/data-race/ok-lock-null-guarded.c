/* `if (m) lock(m)`: a lock whose pointer may be null when locking is
   switched off (libevent's EVLOCK_LOCK). Where it is null there is no lock
   to take and the program runs without threads, so the path that skips the
   call is taken to hold the lock too, and the merge keeps it held. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: thread
#include <pthread.h>

pthread_mutex_t *count_lock;
int count;

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    if (count_lock)
      pthread_mutex_lock(count_lock);
    ++count;
    if (count_lock != 0)
      pthread_mutex_unlock(count_lock);
  }
  return 0;
}

int run(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], 0, worker, 0);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], 0);
  return count;
}

#ifdef FEARLESS_RUN
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int main(void) {
  count_lock = &m;
  return run() == 2000 ? 0 : 1;
}
#endif
