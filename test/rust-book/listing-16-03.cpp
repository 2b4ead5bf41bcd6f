// Rust Book listing 16-3: a closure borrowing v. rustc rejects it (E0373)
// because thread::spawn cannot see that main joins before v is dropped.
// fearless follows the join on every path, like Rust's thread::scope, so
// the joined version is accepted; the detached version is the real bug and
// gets E0373's analogue.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <cstdio>
#include <thread>
#include <vector>

void joined() {
  std::vector<int> v = {1, 2, 3};
  std::thread handle([&] { std::printf("Here's a vector: %zu\n", v.size()); });
  handle.join();
}

void detached() {
  std::vector<int> v = {1, 2, 3};
  std::thread handle([&] { std::printf("Here's a vector: %zu\n", v.size()); }); // expected-warning {{thread may outlive 'v', which it borrows [fearless-escaping-borrow]}} expected-note {{'v' is captured by reference here}} expected-note {{capture 'v' by copy}}
  handle.detach(); // expected-note {{the thread is detached here}}
} // expected-note {{'v' is destroyed here}}

int main() {
  joined();
  detached();
}
