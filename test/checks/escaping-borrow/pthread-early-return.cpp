// The thread is joined on one path only.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <pthread.h>

void *worker(void *arg);
bool cancelled();

int runOnce() {
  int state = 0;
  pthread_t tid;
  if (pthread_create(&tid, nullptr, worker, &state) != 0) // expected-warning {{thread may outlive 'state'}} expected-note {{the address of 'state' is passed}}
    return -1;
  if (cancelled())
    return 1; // expected-note {{the thread is not joined when this path is taken}} expected-note {{'state' is destroyed here}}
  pthread_join(tid, nullptr);
  return 0;
}
