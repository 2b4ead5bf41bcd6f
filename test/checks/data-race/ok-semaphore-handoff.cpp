// A producer fills a buffer and releases a semaphore; the consumer acquires
// it before reading: release() happens before the acquire() it unblocks.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <semaphore>
#include <thread>
int produce();
void consume(int);
void handoff() {
  int buffer = 0;
  std::binary_semaphore ready(0);
  std::thread producer([&] {
    buffer = produce();
    ready.release();
  });
  ready.acquire();
  consume(buffer);
  producer.join();
}
