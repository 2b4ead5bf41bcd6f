// pthread_create + pthread_join, with the error path returning before any
// thread exists.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>

void *worker(void *arg);

int run() {
  int state = 0;
  pthread_t tid;
  if (pthread_create(&tid, nullptr, worker, &state) != 0)
    return -1;
  pthread_join(tid, nullptr);
  return state;
}

int runArray() {
  int states[4] = {};
  pthread_t tids[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&tids[i], nullptr, worker, &states[i]);
  for (int i = 0; i < 4; ++i)
    pthread_join(tids[i], nullptr);
  return states[0];
}
