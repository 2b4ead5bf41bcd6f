// The pool of single-threaded workers is declared after the local its task
// borrows: destroying it destroys the workers, whose destructors let their
// threads drain the queue and join them, before the local dies.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "pools/pool-of-workers.h"
void pause_ms(int);
void log(int);

void handle() {
  int request = 5;
  WorkerPool pool(2);
  pool.post([&] {
    pause_ms(20);
    log(request);
  });
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
void log(int) {}
int main() { handle(); }
#endif
