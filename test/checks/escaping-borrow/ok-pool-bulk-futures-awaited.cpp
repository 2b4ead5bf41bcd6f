// A bulk helper returns the futures of the tasks it queued, in a vector;
// the caller waits for every one before the locals the tasks borrow die.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "pools/bulk-pool.h"
void pause_ms(int);

BulkPool pool(2);

int work() {
  std::vector<int> in(4, 1);
  int out[4] = {0, 0, 0, 0};
  std::vector<std::future<void>> futures =
      pool.parallel_loop(0, 4, [&in, &out](long i) {
        pause_ms(20);
        out[i] = in[i] * 2;
      });
  for (std::future<void> &f : futures)
    f.get();
  return out[0] + out[1] + out[2] + out[3];
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return work() != 8; }
#endif
