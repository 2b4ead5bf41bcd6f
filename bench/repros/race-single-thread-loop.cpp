// EXPECT: none
// FOUND IN: onetbb test/tbbmalloc/test_malloc_init_shutdown.cpp:139, :141 (utils::NativeParallelFor(1, ...))
// VERDICT: FP: the spawning loop runs once, so there is only one thread
#include <thread>
#include <vector>
void *result;
template <class Body> void parallelFor(int n, const Body &body) {
  std::vector<std::thread> pool;
  for (int i = 0; i < n; ++i)
    pool.emplace_back([&body, i] { body(i); });
  for (auto &t : pool)
    t.join();
}
struct Once {
  void operator()(int) const { result = nullptr; if (result) {} }
};
void run() { parallelFor(1, Once{}); } // one thread only
