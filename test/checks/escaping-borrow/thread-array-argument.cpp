// A local array passed to std::thread: the thread keeps a decayed copy of
// the argument, a pointer to the array, and the detached thread may read it
// after the function returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <thread>

void greet(const char *name);

void start_greeter(int id) {
  char name[32] = "worker-";
  name[7] = char('0' + id % 10);
  std::thread(greet, name).detach(); // expected-warning {{thread may outlive 'name', which it borrows}} expected-note {{the address of 'name' is passed to the thread here}} expected-note {{the thread is detached here}}
} // expected-note {{'name' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void greet(const char *name) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::printf("%s\n", name);
}
int main() {
  start_greeter(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
}
#endif
