// Rust Book listing 16-4: v is dropped while the thread may still use it.
// The C++ twin: v dies at the end of its scope while the thread, whose
// handle lives on, may still be reading it.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  std::thread handle; // expected-note {{the thread is still running in 'handle', which is destroyed after 'v'}}
  {
    std::vector<int> v = {1, 2, 3};
    handle = std::thread([&] { std::printf("Here's a vector: %zu\n", v.size()); }); // expected-warning {{thread may outlive 'v', which it borrows [fearless-escaping-borrow]}} expected-note {{'v' is captured by reference here}} expected-note {{capture 'v' by copy}}
  } // "drop(v)": expected-note {{'v' is destroyed here}}
  handle.join();
}
