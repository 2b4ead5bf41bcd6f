// The twin of thread-array-argument.cpp: the thread that gets the array's
// address is joined before the array dies; a lambda capturing the array by
// copy holds a copy of its characters.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <thread>

void greet(const char *name);

void greet_and_wait(int id) {
  char name[32] = "worker-";
  name[7] = char('0' + id % 10);
  std::thread t(greet, name);
  t.join();
}

void greet_later(int id) {
  char name[32] = "worker-";
  name[7] = char('0' + id % 10);
  std::thread([name] { greet(name); }).detach();
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void greet(const char *name) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::printf("%s\n", name);
}
int main() {
  greet_and_wait(1);
  greet_later(2);
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
}
#endif
