// A thread capturing this shares *this; here it outlives the call, so the
// caller keeps using the object concurrently.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

class Stats {
public:
  void startReporting() {
    std::thread([this] { report(); }).detach(); // expected-warning {{'this' is shared with another thread, but 'Stats' is not Sync}} expected-note {{spawned here}}
  } // expected-note {{the thread may still run when the function returns, while the caller can use *this}}
  int total() const;

private:
  void report() const;
  mutable int lastTotal_ = 0; // expected-note {{'Stats' is not Sync because its mutable field 'lastTotal_'}}
};
