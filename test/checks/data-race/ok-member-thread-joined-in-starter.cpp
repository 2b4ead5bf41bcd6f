// The member thread is joined before the member function that started it
// returns: nothing runs beside it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

class Job {
public:
  void runOnce() {
    worker_ = std::thread([this] { result_ = 42; });
    worker_.join();
  }
  int result() const { return result_; }

private:
  int result_ = 0;
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Job j; j.runOnce(); return j.result() != 42;
}
#endif
