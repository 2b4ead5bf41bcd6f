// The joinable() idiom: the thread is started on one path only.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void use(int &);
bool wanted();

void maybeStart() {
  int value = 0;
  std::thread t;
  if (wanted())
    t = std::thread([&] { use(value); });
  if (t.joinable())
    t.join();
}
