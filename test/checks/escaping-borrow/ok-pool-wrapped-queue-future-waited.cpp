// A task pushed on a CTPL-style pool borrows a local, and the caller waits
// for the task's future before the local dies.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "pools/wrapped-queue-pool.h"
void pause_ms(int);
void log(int);

wrapped::Pool pool(2);

void handle() {
  int request = 5;
  auto done = pool.push([&](int) {
    pause_ms(50);
    log(request);
  });
  done.get();
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
void log(int) {}
int main() {
  handle();
  pause_ms(100);
}
#endif
