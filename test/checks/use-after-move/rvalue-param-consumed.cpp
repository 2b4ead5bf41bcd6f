// Twin of ok-rvalue-param-consumed-on-success.cpp: the T&& callee, visible
// here, passes the parameter on to a helper that moves it on every path:
// the argument is moved at the call and reading it is reported.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <memory>
#include <utility>
#include <vector>
template <typename T> struct Unbounded {
  std::vector<T> items;
  template <typename U> bool place(U &&v) {
    items.push_back(std::forward<U>(v)); // always takes v
    return true;
  }
  bool tryPush(T &&v) { return place(std::move(v)); }
};
int alwaysTaken(Unbounded<std::unique_ptr<int>> &q) {
  auto p = std::make_unique<int>(2);
  q.tryPush(std::move(p)); // expected-note {{'p' of type 'std::unique_ptr<int>' was moved here}} expected-note {{help: move 'p' only after its last use, or assign it a new value before using it again}}
  return *p;               // expected-warning {{'p' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<int>' is null}}
}
