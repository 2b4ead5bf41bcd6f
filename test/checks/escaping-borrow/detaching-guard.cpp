// A guard whose destructor detaches instead of joining lets the thread run
// on after the borrowed local dies: still reported.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <thread>
#include <utility>
class DetachingThread {
  std::thread t;

public:
  explicit DetachingThread(std::thread t_) : t(std::move(t_)) {}
  ~DetachingThread() { t.detach(); }
};
void use(int);
void fireAndForget() {
  int x = 0;
  std::thread t([&] { use(x); }); // expected-warning {{thread may outlive 'x', which it borrows}} expected-note {{'x' is captured by reference here}} expected-note {{capture 'x' by copy so that the thread owns its own copy}}
  DetachingThread guard(std::move(t)); // expected-note {{the thread's handle is moved here to where it is not followed}}
} // expected-note {{'x' is destroyed here}}
