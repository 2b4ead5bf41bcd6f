// Regression (oneTBB, docs/real-world.md): std::atomic member of a class template's base reported as a racy non-atomic access
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>
template <class V> struct Iter {
  Iter(const V &v, unsigned i) : v(&v), i(i) {}
  const V *v;
  unsigned i;
};
template <class T> struct Table { std::atomic<unsigned> my_size{0}; };
template <class T> struct Vec : Table<T> {
  using iterator = Iter<Vec>;
  iterator push_back(const T &) { return emplace(); }
  iterator emplace() {
    unsigned old = this->my_size++;  // atomic increment
    return iterator(*this, old);     // binds a const reference: reads nothing
  }
};
Vec<int> Primes;
template <class Body> void parallelFor(int n, const Body &body) {
  std::vector<std::thread> pool;
  for (int i = 0; i < n; ++i)
    pool.emplace_back([&body, i] { body(i); });
  for (auto &t : pool)
    t.join();
}
struct Push { void operator()(int i) const { Primes.push_back(i); } };
void run() { parallelFor(4, Push{}); }
