// A by-value parameter dies when the function returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int);

void paramBorrow(int retries) {
  std::thread t([&] { use(retries); }); // expected-warning {{thread may outlive 'retries'}} expected-note {{captured by reference here}} expected-note {{capture 'retries' by copy}}
  t.detach(); // expected-note {{detached here}}
} // expected-note {{'retries' is destroyed when the function returns}}
