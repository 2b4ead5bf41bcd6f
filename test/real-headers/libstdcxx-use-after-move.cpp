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
  out.emplace_back(std::move(s)); // expected-note {{'s' of type 'std::string' (aka 'basic_string<char>') was moved here}} expected-note {{help: move 's' only after its last use, or assign it a new value before using it again}}
  print(s); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' (aka 'basic_string<char>') is in a valid but unspecified state}}
}

void threads() {
  std::vector<int> v(3);
  std::jthread t([v = std::move(v)] { (void)v.size(); }); // expected-note {{'v' of type 'std::vector<int>' was moved into the thread spawned here}} expected-note {{copy 'v' instead}}
  (void)v.size(); // expected-warning {{'v' used after it was moved}} expected-note {{a moved-from 'std::vector<int>' is in a valid but unspecified state}}
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
  std::thread b = std::move(a); // expected-note {{'a' of type 'std::thread' was moved here}} expected-note {{help: move 'a' only after its last use, or assign it a new value before using it again}}
  a.detach(); // expected-warning {{'a' used after it was moved}} expected-note {{owns no thread}}
  b.join();
}
