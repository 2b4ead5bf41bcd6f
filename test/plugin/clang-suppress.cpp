// [[clang::suppress]] on a statement or a declaration.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int &);

void suppressed() {
  int a = 0;
  [[clang::suppress("fearless-escaping-borrow")]] std::thread([&] { use(a); }).detach();
  int b = 0;
  [[clang::suppress]] { std::thread([&] { use(b); }).detach(); }
}

[[clang::suppress("fearless-*")]] void suppressedFunction() {
  int a = 0;
  std::thread([&] { use(a); }).detach();
}

void otherCheckSuppressed() {
  int a = 0;
  [[clang::suppress("fearless-unjoined-thread")]] std::thread([&] { use(a); }).detach(); // expected-warning {{thread may outlive 'a'}} expected-note 2 {{}}
} // expected-note {{'a' is destroyed here}}
