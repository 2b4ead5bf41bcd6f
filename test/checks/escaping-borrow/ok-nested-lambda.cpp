// Inside a lambda, a variable captured by reference from the enclosing
// function is not owned by the lambda: its lifetime is the enclosing
// function's, which fearless analyses separately.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void use(int &);

void outer() {
  int value = 0;
  auto spawnAndJoin = [&] {
    std::thread t([&] { use(value); });
    t.join();
  };
  spawnAndJoin();
}
