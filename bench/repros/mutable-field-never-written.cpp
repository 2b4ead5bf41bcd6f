// EXPECT: none
// FOUND IN: onetbb test/common/utils.h:73 (Body = RoundRobin, test/tbbmalloc/test_malloc_compliance.cpp:227)
// VERDICT: FP/debatable: the mutable field is only there to call a non-const member that writes nothing
#include <thread>
#include <vector>
struct Tester {
  bool verbose = false;
  void run() { if (verbose) {} } // not const, but writes nothing
};
struct Body {
  mutable Tester test; // mutable only to call the non-const run()
  void operator()(int) const { test.run(); }
};
template <class B> void parallel(int n, const B &body) {
  std::vector<std::thread> pool;
  for (int i = 0; i < n; ++i)
    pool.emplace_back([&body, i] { body(i); });
  for (auto &t : pool)
    t.join();
}
void f() { parallel(4, Body{}); }
