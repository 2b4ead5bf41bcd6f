// SpawnFunctions and ScopedSpawnFunctions name constructors the way C++
// does, after their class: a thread wrapper whose constructor takes the
// callable (muduo's `muduo::Thread::Thread`) is a spawn function. The
// scoped one waits for the callable before the object is made: silent.
// (plugin/verify-config.test checks that verify-config accepts the names.)
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SpawnFunctions='legacy::Thread::Thread' \
// RUN:   -fplugin-arg-fearless-ScopedSpawnFunctions='legacy::Scoped::Scoped'
#include <functional>

namespace legacy {
class Thread {
public:
  explicit Thread(std::function<void()> f);
  void start();
};
class Scoped {
public:
  explicit Scoped(std::function<void()> f);
};
} // namespace legacy

void log(int);

void startBorrowing() {
  int id = 1;
  legacy::Thread t([&] { log(id); }); // expected-warning {{thread may outlive 'id'}} expected-note {{captured by reference here}} expected-note {{runs the callable on another thread without waiting}} expected-note {{capture 'id' by copy}}
  t.start();
} // expected-note {{'id' is destroyed here}}

void scopedBorrowing() {
  int id = 2;
  legacy::Scoped s([&] { log(id); });
}
