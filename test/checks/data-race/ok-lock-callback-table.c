/* A lock taken through a table of lock callbacks, the C way of plugging in
   a threading library (libevent's EVLOCK_LOCK(lock, 0), which expands to
   evthread_lock_fns_.lock(mode, lock)): a call through a function-pointer
   field named lock/unlock holds the one pointer argument's lock until the
   matching unlock (issue 13, class D: libevent test/regress_thread.c). */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: thread
#include <pthread.h>

struct lock_callbacks {
  void *(*alloc)(unsigned type);
  int (*lock)(unsigned mode, void *lock);
  int (*unlock)(unsigned mode, void *lock);
};
struct lock_callbacks lock_fns;
void *count_lock;
int count;

#define LOCK(l) do { if (l) lock_fns.lock(0, l); } while (0)
#define UNLOCK(l) do { if (l) lock_fns.unlock(0, l); } while (0)

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    LOCK(count_lock);
    ++count;
    UNLOCK(count_lock);
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
static void *alloc_fn(unsigned type) { (void)type; return &m; }
static int lock_fn(unsigned mode, void *l) { (void)mode; return pthread_mutex_lock(l); }
static int unlock_fn(unsigned mode, void *l) { (void)mode; return pthread_mutex_unlock(l); }
int main(void) {
  lock_fns.alloc = alloc_fn;
  lock_fns.lock = lock_fn;
  lock_fns.unlock = unlock_fn;
  count_lock = lock_fns.alloc(0);
  return run() == 2000 ? 0 : 1;
}
#endif
