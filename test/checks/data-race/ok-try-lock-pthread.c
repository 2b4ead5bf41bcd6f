// pthread_mutex_trylock() returns 0 when it took the lock: the branch where
// it returned 0 holds the mutex.
// RUN: %fearless -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *locked(void *arg) {
  pthread_mutex_lock(&mu);
  counter++;
  pthread_mutex_unlock(&mu);
  return arg;
}

static void *try_equal_zero(void *arg) {
  if (pthread_mutex_trylock(&mu) == 0) {
    counter++;
    pthread_mutex_unlock(&mu);
  }
  return arg;
}

static void *try_not(void *arg) {
  if (!pthread_mutex_trylock(&mu)) {
    counter++;
    pthread_mutex_unlock(&mu);
  }
  return arg;
}

static void *try_busy_return(void *arg) {
  if (pthread_mutex_trylock(&mu) != 0)
    return arg;
  counter++;
  pthread_mutex_unlock(&mu);
  return arg;
}

void run(void) {
  pthread_t a, b, c, d;
  pthread_create(&a, 0, locked, 0);
  pthread_create(&b, 0, try_equal_zero, 0);
  pthread_create(&c, 0, try_not, 0);
  pthread_create(&d, 0, try_busy_return, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  pthread_join(c, 0);
  pthread_join(d, 0);
}
