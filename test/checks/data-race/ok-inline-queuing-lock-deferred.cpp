// Regression (oneTBB queuing_mutex, docs/real-world.md): a guard whose
// acquire() is the lock algorithm itself, inline (an MCS queue of atomics),
// locks the mutex it is given to acquire(), called after construction.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/queuing_mutex.h>
#include <thread>

QueuingMutex mu;
int counter;
void bump() {
  QueuingMutex::scoped_lock lock;
  lock.acquire(mu);
  counter = counter + 1;
}
void run() {
  std::thread a(bump), b(bump);
  a.join();
  b.join();
}
