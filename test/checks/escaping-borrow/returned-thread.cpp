// A thread returned to the caller outlives the function's locals.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

std::thread startWorker() {
  int limit = 10;
  return std::thread([&limit] { (void)limit; }); // expected-warning {{thread may outlive 'limit'}} expected-note {{'limit' is captured by reference here}} expected-note {{the thread's handle is returned here}} expected-note {{'limit' is destroyed here}} expected-note {{capture 'limit' by copy}}
}
