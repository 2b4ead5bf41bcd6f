// A class that keeps a callable and runs it on a thread it joins in the
// same member function (runAndWait) is no thread class: the callable has
// finished when the call returns, so what the caller reads afterwards does
// not race with it. The twin whose start() returns with the thread running
// is thread-class-local-object.cpp.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <functional>
#include <thread>
#include <utility>

class Job {
public:
  explicit Job(std::function<void()> f) : func_(std::move(f)) {}
  void runAndWait() {
    t_ = std::thread([this] { func_(); });
    t_.join();
  }

private:
  std::function<void()> func_;
  std::thread t_;
};

long hits;
void record() { ++hits; }

long sample() {
  Job j(record);
  j.runAndWait();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 1; }
#endif
