// A future from std::async waits in its destructor, unless it is returned.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <future>

int compute(const int &);

std::future<int> computeLater() {
  int input = 42;
  return std::async(std::launch::async, [&] { return compute(input); }); // expected-warning {{thread may outlive 'input'}} expected-note {{captured by reference here}} expected-note {{returned here}} expected-note {{'input' is destroyed here}} expected-note {{capture 'input' by copy}}
}
