// The twin of ok-string-copy-of-local-array.cpp: a std::string_view (and a
// std::vector of pointers) keeps pointing into the local array, which dies
// while the detached thread may still read it.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <cstdio>
#include <string_view>
#include <thread>
#include <vector>

void print(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }
void printAll(const std::vector<const char *> &v) {
  for (const char *p : v)
    std::fputs(p, stdout);
}

void asView() {
  char buf[32] = "task 1\n";
  std::thread(print, std::string_view(buf)).detach(); // expected-warning {{thread may outlive 'buf', which it borrows}} expected-note {{the address of 'buf' is passed to the thread here}} expected-note {{the thread is detached here}}
} // expected-note {{'buf' is destroyed here}}

void asPointerElement() {
  char buf[32] = "task 2\n";
  std::thread(printAll, std::vector<const char *>{buf}).detach(); // expected-warning {{thread may outlive 'buf', which it borrows}} expected-note {{the address of 'buf' is passed to the thread here}} expected-note {{the thread is detached here}}
} // expected-note {{'buf' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  asView();
  asPointerElement();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}
#endif
