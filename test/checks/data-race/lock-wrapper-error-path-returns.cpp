// The twin of ok-lock-wrapper-error-path-exits.cpp: safe_cond_wait()'s
// error path unlocks the mutex and returns, so after a failed wait the
// consumer calls remove() without the lock.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <pthread.h>
#include <stdlib.h>

struct queue {
  pthread_mutex_t *mut;
  pthread_cond_t *notEmpty;
  int count;
  int empty;
  int remove(int &out) {
    if (empty)
      return 0;
    out = count;
    --count;
    if (count == 0)
      empty = 1;
    return 1;
  }
};

static pthread_mutex_t ErrorHandlerMutex = PTHREAD_MUTEX_INITIALIZER;

void cleanupAndQuit(int code) {
  int ret = pthread_mutex_lock(&ErrorHandlerMutex);
  (void)ret;
  pthread_mutex_unlock(&ErrorHandlerMutex);
  exit(code);
}

inline void safe_mutex_lock(pthread_mutex_t *m) {
  if (pthread_mutex_lock(m) != 0)
    cleanupAndQuit(-5);
}
inline void safe_mutex_unlock(pthread_mutex_t *m) {
  if (pthread_mutex_unlock(m) != 0)
    cleanupAndQuit(-6);
}
inline void safe_cond_wait(pthread_cond_t *c, pthread_mutex_t *m) {
  if (pthread_cond_wait(c, m) != 0) {
    pthread_mutex_unlock(m);
    return; /* the caller goes on without the lock */
  }
}

static void *consumer(void *q) {
  queue *fifo = (queue *)q;
  int item;
  for (;;) {
    safe_mutex_lock(fifo->mut);
    for (;;) {
      if (!fifo->empty && fifo->remove(item) == 1)
        break;
      safe_cond_wait(fifo->notEmpty, fifo->mut);
    }
    safe_mutex_unlock(fifo->mut);
  }
  return 0;
}

int main() {
  static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  queue fifo{&m, &c, 0, 1};
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], 0, consumer, &fifo);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], 0);
}

// expected-warning@17 {{data race on 'fifo.count': this write can run at the same time as a read in another thread}}
// expected-note@16 {{the other read is here}}
// expected-note@54 3 {{reached through this call}}
// expected-note@69 {{the thread is spawned here}}
// expected-note@71 {{the spawning function joins it only here}}
// expected-note@17 {{help: make 'fifo.count' a std::atomic<int>}}
// expected-warning@19 {{data race on 'fifo.empty': this write can run at the same time as a write in another thread}}
// expected-note@69 {{the same write runs in every thread started here, at the same time}}
// expected-note@19 {{help: make 'fifo.empty' a std::atomic<int>}}
