/* The twin of ok-lock-callback-table.c: the reader takes the callback lock,
   the writer does not, so the increment races with the read. */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: thread
#include <pthread.h>

struct lock_callbacks {
  int (*lock)(unsigned mode, void *lock);
  int (*unlock)(unsigned mode, void *lock);
};
struct lock_callbacks lock_fns;
void *count_lock;
int count;

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; ++i)
    ++count; // expected-warning {{data race on 'count'}} expected-note {{help:}}
  return 0;
}

int run(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0); // expected-note {{the thread is spawned here}}
  int seen = 0;
  for (int i = 0; i < 100000; ++i) {
    lock_fns.lock(0, count_lock); // expected-note {{'*count_lock' is held here, but not at the other access}}
    seen += count; // expected-note {{the other read is here}}
    lock_fns.unlock(0, count_lock);
  }
  pthread_join(t, 0); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int lock_fn(unsigned mode, void *l) { (void)mode; return pthread_mutex_lock(l); }
static int unlock_fn(unsigned mode, void *l) { (void)mode; return pthread_mutex_unlock(l); }
int main(void) {
  lock_fns.lock = lock_fn;
  lock_fns.unlock = unlock_fn;
  count_lock = &m;
  return run() >= 0 ? 0 : 1;
}
#endif
