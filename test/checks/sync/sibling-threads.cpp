// Two threads share one non-Sync object by reference.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <functional>
#include <thread>

struct Memo {
  int get(int) const;
  mutable int last = 0; // expected-note {{'Memo' is not Sync because its mutable field 'last'}}
};

void work(const Memo &, int);

void twoReaders() {
  Memo memo;
  std::thread a(work, std::cref(memo), 1); // expected-note {{'memo' is also shared with this thread, which may run at the same time}}
  std::thread b(work, std::cref(memo), 2); // expected-warning {{'memo' is shared with another thread, but its type 'Memo' is not Sync}} expected-note {{spawned here}}
  a.join();
  b.join();
}
