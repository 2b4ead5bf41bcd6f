// pthread workers racing on a global.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <pthread.h>

long processed;

void *worker(void *) {
  for (int i = 0; i < 1000; ++i)
    processed++; // expected-warning {{data race on 'processed': this write can run at the same time as a write in another thread}} expected-note {{help: make 'processed' a std::atomic<long>}} expected-note {{the other thread runs this same write}}
  return nullptr;
}

int main() {
  pthread_t a, b;
  pthread_create(&a, nullptr, worker, nullptr); // expected-note {{one thread is spawned here}}
  pthread_create(&b, nullptr, worker, nullptr); // expected-note {{the other thread is spawned here}}
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
  return processed > 0;
}
