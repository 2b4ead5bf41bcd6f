// [&] borrows every local the body names: one finding for the thread, a
// note per borrowed object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int, int);

void defaultCapture() {
  int a = 1;
  int b = 2;
  std::thread t([&] { use(a, b); }); // #spawn
  t.detach(); // #detach
} // #end
// expected-warning@#spawn {{thread may outlive 'a', which it borrows}}
// expected-note@#spawn 2 {{is captured by reference here}}
// expected-note@#spawn 2 {{by copy so that the thread owns its own copy}}
// expected-note@#detach {{the thread is detached here}}
// expected-note@#end {{'a' is destroyed here}}
// expected-note@#end {{'b' is destroyed here}}
