// A base class starts `std::thread(&Task::run, this)` with run() virtual;
// on an object of the derived class the thread runs the override, which
// writes a field that a public setter also writes.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

class Task {
public:
  virtual ~Task() = default;
  void start() { worker_ = std::thread(&Task::run, this); } // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  void join() { worker_.join(); }

protected:
  virtual void run() {}

private:
  std::thread worker_;
};

class Scaler : public Task {
public:
  void setFactor(int f) { factor_ = f; } // expected-warning {{data race on 'factor_'}} expected-note {{help: make 'factor_' a std::atomic<int>}} expected-note {{'setFactor' is a public member function: it may be called while the thread runs}}

protected:
  void run() override {
    for (int i = 0; i < 100000; ++i)
      factor_ = factor_ * 2 % 7 + 1; // expected-note {{the other read is here}}
  }

private:
  int factor_ = 1;
};

#ifdef FEARLESS_RUN
int main() {
  Scaler s; s.start(); for (int i = 0; i < 100000; ++i) s.setFactor(i % 5); s.join(); return 0;
}
#endif
