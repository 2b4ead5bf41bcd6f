// The handle lives in an outer scope: the thread is still running when the
// inner scope's local dies, even though it is joined later.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int &);

void outerHandle() {
  std::thread t; // expected-note {{the thread is still running in 't', which is destroyed after 'scratch'}}
  {
    int scratch = 0;
    t = std::thread([&] { use(scratch); }); // expected-warning {{thread may outlive 'scratch'}} expected-note {{captured by reference here}}
  } // expected-note {{'scratch' is destroyed here}}
  t.join();
}
