// Globals and statics live as long as the program: borrowing them is fine
// for escaping-borrow (data races are another check's business).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

int global_counter;
void use(int &);

void statics() {
  static int local_static = 0;
  std::thread([] { use(global_counter); use(local_static); }).detach();
  std::thread t([&] { use(local_static); });
  t.detach();
}
