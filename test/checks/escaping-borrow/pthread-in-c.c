// The same analysis runs on C code.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
#include <pthread.h>

void *worker(void *arg);

void start(void) {
  int shared = 0;
  pthread_t tid;
  pthread_create(&tid, 0, worker, &shared); // expected-warning {{thread may outlive 'shared'}} expected-note {{the address of 'shared' is passed}}
  pthread_detach(tid); // expected-note {{detached here}}
} // expected-note {{'shared' is destroyed here}}
