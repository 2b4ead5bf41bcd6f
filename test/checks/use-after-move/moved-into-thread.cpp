// C++ twin of Rust Book listing 16-4 with a move closure: the vector is
// moved into the thread, then used.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <utility>
#include <vector>

void print(const std::vector<int> &);

void intoThread() {
  std::vector<int> v(3);
  std::thread handle([v = std::move(v)] { print(v); });
  v.clear(); // reinitialized: fine
  v.push_back(4);
  std::vector<int> w(1);
  std::thread other(print, std::move(w)); // expected-note {{'w' of type 'std::vector<int>' was moved into the thread spawned here}} expected-note {{help: move 'w' only after its last use, or assign it a new value before using it again}}
  print(w); // expected-warning {{'w' used after it was moved}} expected-note {{a moved-from 'std::vector<int>' is in a valid but unspecified state}}
  handle.join();
  other.join();
}
