// A wrapper that unlocks the mutex it was given only on its error path, right
// before cleanupAndQuit() ends the program (pbzip2's safe_cond_wait, issue
// 13, class D): it releases nothing for a caller that goes on. The locks a
// callee leaves its caller (ReturnedLocks) come only from paths that return;
// a path through a call that never returns is dead, not a release. The
// wait's status kept in a local (`int ret = ...; if (ret != 0)`) is what
// pbzip2 writes; tested directly in the condition the path was already
// dropped, see ok-lock-wrapper-error-path-exits.cpp.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
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
  int ret = pthread_cond_wait(c, m);
  if (ret != 0) {
    pthread_mutex_unlock(m);
    cleanupAndQuit(-8);
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
