// What may follow a move (docs/checks/use-after-move.md, "Moved-from state"),
// as the Static Analyzer's cplusplus.Move decides: empty() and isEmpty() on
// any class only ask for the state; clear(), reset(), assign(), resize(),
// destroy(), shrink() and shrink_to_fit() on any class reinitialize; a
// moved-from future is not valid(); an explicit destructor call, or
// std::destroy_at and a placement new, end and restart the object's
// lifetime (issue 13: tests that check moved-from state on purpose).
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <future>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

struct Batch {
  std::vector<int> items;
  bool empty() const { return items.empty(); }
  bool isEmpty() const { return items.empty(); }
  void clear() { items.clear(); }
  void Reset() { items.clear(); }
  void resize(unsigned n) { items.resize(n); }
  void push(int v) { items.push_back(v); }
};

void queries() {
  Batch a;
  Batch b = std::move(a);
  if (a.empty() || a.isEmpty()) {
  }
  std::vector<int> v{1, 2};
  std::vector<int> w = std::move(v);
  if (!v.empty()) {
  }
  std::future<int> f = std::async([] { return 1; });
  std::future<int> g = std::move(f);
  if (f.valid()) {
  }
  (void)b, (void)w, (void)g.get();
}

void reinitializedByName() {
  Batch a;
  Batch b = std::move(a);
  a.clear();
  a.push(1);
  Batch c = std::move(a);
  a.Reset();
  a.push(2);
  Batch d = std::move(a);
  a.resize(3);
  a.push(3);
  (void)b, (void)c, (void)d;
}

void lifetimeEnds() {
  std::string s = "x";
  std::string t = std::move(s);
  s.~basic_string();
  new (&s) std::string("y");
  s.append("z");
  std::string u = std::move(s);
  std::destroy_at(&s);
  new (&s) std::string("w");
  s.append("!");
  (void)t, (void)u;
}
