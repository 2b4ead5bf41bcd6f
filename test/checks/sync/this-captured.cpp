// A thread capturing this shares *this; here it outlives the call, so the
// caller keeps using the object concurrently: the detached reporter writes
// the mutable cache while the caller's const member reads it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <thread>

class Stats {
public:
  void startReporting() {
    std::thread([this] { report(); }).detach(); // expected-warning {{'this' is shared with another thread, but 'Stats' is not Sync}} expected-note {{spawned here}}
  } // expected-note {{the thread may still run when the function returns, while the caller can use *this}}
  int total() const { return lastTotal_; }

private:
  void report() const { lastTotal_ += 1; }
  mutable int lastTotal_ = 0; // expected-note {{'Stats' is not Sync because its mutable field 'lastTotal_'}}
};

#ifdef FEARLESS_RUN
#include <chrono>
static Stats stats;
int main() {
  stats.startReporting();
  int seen = stats.total();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return seen > 1;
}
#endif
