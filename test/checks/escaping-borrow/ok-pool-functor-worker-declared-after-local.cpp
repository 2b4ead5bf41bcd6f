// The pool whose workers run a function object is declared after the local
// its task borrows: its destructor lets the workers finish the queue and
// joins them before the local dies.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "pools/functor-worker-pool.h"
void pause_ms(int);
void log(int);

void handle() {
  int request = 5;
  FunctorPool pool(2);
  pool.submit([&] {
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
