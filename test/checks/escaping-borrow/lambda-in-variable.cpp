// A lambda stored in a variable first, then given to the thread.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int);

void storedLambda() {
  int level = 3;
  auto job = [&level] { use(level); }; // expected-note {{'job' holds a reference to 'level' and is passed to the thread here}}
  std::thread t(job); // expected-warning {{thread may outlive 'level'}}
  t.detach(); // expected-note {{detached here}}
} // expected-note {{'level' is destroyed here}}
