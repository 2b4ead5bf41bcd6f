// run() hands the stored callable to std::async and waits for its future
// before returning: a call, not a start, so what the caller reads after it
// races with nothing. A thread-class start leaves its thread running: its
// handle in a member, or detached.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <functional>
#include <future>
#include <utility>

class Task {
public:
  explicit Task(std::function<void()> f) : func_(std::move(f)) {}
  void run() {
    std::future<void> done = std::async(std::launch::async, [this] { func_(); });
    done.get();
  }

private:
  std::function<void()> func_;
};

long hits;
void record() { ++hits; }

long sample() {
  Task t(record);
  t.run();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 1; }
#endif
