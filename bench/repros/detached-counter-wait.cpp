// EXPECT: none
// FOUND IN: onetbb test/tbb/test_task_arena.cpp:1131, :1137
// VERDICT: debatable: detached threads, joined by hand by waiting until an atomic counter they decrement last drops to 0; correct, though Rust would reject it
#include <atomic>
#include <thread>
struct Body {
  std::atomic<int> &pending;
  void operator()() const { --pending; } // last touch of the borrowed counter
};
void run() {
  std::atomic<int> pending(4);
  for (int i = 0; i < 4; ++i)
    std::thread(Body{pending}).detach();
  while (pending) // hand-made join: waits until every thread is done with it
    std::this_thread::yield();
}
