// Use after move against the real libstdc++ 12 headers.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void print(const std::string &);

void strings(std::vector<std::string> &out) {
  std::string s = "x";
  out.emplace_back(std::move(s)); // expected-note {{'s' was moved here}}
  print(s); // expected-warning {{'s' used after it was moved}}
}

void threads() {
  std::vector<int> v(3);
  std::jthread t([v = std::move(v)] { (void)v.size(); }); // expected-note {{'v' was moved into the thread spawned here}} expected-note {{copy 'v' instead}}
  (void)v.size(); // expected-warning {{'v' used after it was moved}}
}

int pointers() {
  auto p = std::make_unique<int>(1);
  auto q = std::move(p);
  if (!p)
    return *q;
  return 0;
}

void handles() {
  std::thread a([] {});
  std::thread b = std::move(a); // expected-note {{'a' was moved here}}
  a.detach(); // expected-warning {{'a' used after it was moved}} expected-note {{owns no thread}}
  b.join();
}
