// An executor whose submit() is marked fearless::spawn does not wait.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>

class Executor {
public:
  template <class F> void submit(FEARLESS_SPAWN F &&task) {}
};

void log(int);

void submitBorrowing(Executor &pool) {
  int request = 5;
  pool.submit([&] { log(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{captured by reference here}} expected-note {{'submit' runs the callable on another thread without waiting for it (parameter 'task' is marked fearless::spawn)}} expected-note {{capture 'request' by copy}}
} // expected-note {{'request' is destroyed here}}
