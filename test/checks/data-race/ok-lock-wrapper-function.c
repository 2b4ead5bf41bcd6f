/* A mutex locked and unlocked through the program's own wrappers, one
   taking the mutex as an argument and one locking a global, is held in
   between (issue 13: pbzip2's safe_mutex_lock, liburcu's
   rcu_copy_mutex_lock). */
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

static pthread_mutex_t done_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t table_mutex = PTHREAD_MUTEX_INITIALIZER;
static int done;
static int table;

void fail(void);
static void safe_lock(pthread_mutex_t *m) {
  if (pthread_mutex_lock(m) != 0)
    fail();
}
static void safe_unlock(pthread_mutex_t *m) {
  if (pthread_mutex_unlock(m) != 0)
    fail();
}
static void lock_table(void) { pthread_mutex_lock(&table_mutex); }
static void unlock_table(void) { pthread_mutex_unlock(&table_mutex); }

static void *consumer(void *arg) {
  (void)arg;
  safe_lock(&done_mutex);
  int seen = done;
  safe_unlock(&done_mutex);
  lock_table();
  table += seen;
  unlock_table();
  return 0;
}

int finish(void) {
  pthread_t t;
  pthread_create(&t, 0, consumer, 0);
  safe_lock(&done_mutex);
  done = 1;
  safe_unlock(&done_mutex);
  lock_table();
  table = 2;
  unlock_table();
  pthread_join(t, 0);
  return table;
}
