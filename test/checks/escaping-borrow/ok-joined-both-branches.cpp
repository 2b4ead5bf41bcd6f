// Joined on every path, in both branches.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void use(int &);
bool fast();

int joinedInBranches() {
  int value = 0;
  std::thread t([&] { use(value); });
  if (fast()) {
    t.join();
    return 1;
  } else {
    t.join();
  }
  return value;
}
