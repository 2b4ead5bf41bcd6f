// Threads spawned in a loop all share the same object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

struct Memo {
  int get(int) const;
  mutable int last = 0; // expected-note {{'Memo' is not Sync because its mutable field 'last'}}
};

void fanOut() {
  Memo memo;
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&memo, i] { memo.get(i); }); // expected-warning {{'memo' is shared with another thread, but its type 'Memo' is not Sync}} expected-note {{several threads run this code at the same time, each with access to 'memo'}} expected-note {{spawned here}}
  for (auto &t : pool)
    t.join();
}
