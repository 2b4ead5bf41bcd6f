// Regression (real code, issue 13: a bounded queue's try_enqueue(T&&) on a full queue, a concurrent map's upsert): FP: the T&& callee, visible here, passes the parameter on to a helper that moves it only when there is room: like try_emplace, the argument may be left alone
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <memory>
#include <utility>
#include <vector>
template <typename T> struct Bounded {
  std::vector<T> items;
  std::size_t capacity = 1;
  template <typename U> bool place(U &&v) {
    if (items.size() >= capacity)
      return false;                  // full: v is left alone
    items.push_back(std::forward<U>(v));
    return true;
  }
  bool tryPush(T &&v) { return place(std::move(v)); }
};
int onFullQueue(Bounded<std::unique_ptr<int>> &q) {
  auto p = std::make_unique<int>(2);
  q.tryPush(std::move(p)); // may not take p
  return *p;               // p still owns its int when the queue was full
}
