// pthread_create with the address of a local, never joined.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <pthread.h>

void *worker(void *arg);

void startDetachedPthread() {
  int config = 7;
  pthread_t tid;
  pthread_create(&tid, nullptr, worker, &config); // expected-warning {{thread may outlive 'config'}} expected-note {{the address of 'config' is passed to the thread here}}
} // expected-note {{the thread is not joined when this path is taken}} expected-note {{'config' is destroyed here}}
