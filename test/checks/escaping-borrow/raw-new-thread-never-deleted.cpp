// A std::thread made with new into a raw local pointer, never joined nor
// deleted: the object leaks with its thread, which may still use the local
// after the function returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <thread>

void record(int);

void schedule() {
  int request = 5;
  std::thread *t = new std::thread([&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}} expected-note {{the thread's handle is allocated here and never deleted}}
  (void)t;
} // expected-note {{'request' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  seen = r;
}
int main() {
  schedule();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return 0;
}
#endif
