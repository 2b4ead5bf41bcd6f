// NOLINT comments, as clang-tidy reads them.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int &);

void nolint() {
  int a = 0;
  std::thread([&] { use(a); }).detach(); // NOLINT
  int b = 0;
  std::thread([&] { use(b); }).detach(); // NOLINT(fearless-escaping-borrow)
  int c = 0;
  std::thread([&] { use(c); }).detach(); // NOLINT(fearless-*)
  int d = 0;
  // NOLINTNEXTLINE(fearless-escaping-borrow)
  std::thread([&] { use(d); }).detach();
  // NOLINTBEGIN(fearless-escaping-borrow)
  int e = 0;
  std::thread([&] { use(e); }).detach();
  // NOLINTEND(fearless-escaping-borrow)
  int f = 0;
  std::thread([&] { use(f); }).detach(); // NOLINT(fearless-data-race) expected-warning {{thread may outlive 'f'}} expected-note 2 {{}}
} // expected-note {{'f' is destroyed here}}
