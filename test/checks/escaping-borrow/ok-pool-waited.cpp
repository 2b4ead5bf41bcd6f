// A task on a long-lived pool borrows a local, and the function waits for
// the pool to be idle before the local dies.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "pools/task-pool.h"
void pause_ms(int);

TaskPool pool(2);
void log(int);

void handle(TaskPool &p) {
  int request = 5;
  p.submit([&] {
    pause_ms(20);
    log(request);
  });
  p.wait_idle();
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
void log(int) {}
int main() { handle(pool); }
#endif
