/* The twin of ok-lock-null-guarded.c: the test is of another pointer than
   the lock (a flag that says whether to lock), so the path that skips the
   call holds nothing, and the increment races there. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread
#include <pthread.h>

pthread_mutex_t *count_lock;
void *locking_on;
int count;

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; ++i) {
    if (locking_on)
      pthread_mutex_lock(count_lock);
    ++count; // expected-warning {{data race on 'count'}} expected-note {{help:}}
    if (locking_on)
      pthread_mutex_unlock(count_lock);
  }
  return 0;
}

int run(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], 0, worker, 0); // expected-note {{the same write runs in every thread started here, at the same time}}
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], 0);
  return count;
}

#ifdef FEARLESS_RUN
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int main(void) {
  count_lock = &m; /* locking_on stays null: nothing is locked */
  return run() >= 0 ? 0 : 1;
}
#endif
