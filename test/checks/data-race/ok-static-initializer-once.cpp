// What the initializer of a function-local static does runs once, under the
// static's guard: two threads calling instance() do not race on what the
// initializer writes (issue 13: run-once code).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

int registered = 0;
int made = 0;

struct Registry {
  Registry() { ++registered; }
};

int makeId() {
  ++made;
  return 7;
}

Registry &instance() {
  static Registry r;
  return r;
}

int &id() {
  static int v = makeId();
  return v;
}

void twoThreadsInitialize() {
  std::thread t([] {
    instance();
    id();
  });
  instance();
  id();
  t.join();
}
