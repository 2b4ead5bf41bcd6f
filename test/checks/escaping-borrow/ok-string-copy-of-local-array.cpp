// A local array copied into a std::string that the thread owns: the
// thread never sees the array, however the string reaches it (an
// argument, an init-capture, a std::bind argument; muduo's ThreadPool
// tests).
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

void print(const std::string &s) { std::fputs(s.c_str(), stdout); }

void asArgument() {
  char buf[32];
  std::snprintf(buf, sizeof buf, "task %d\n", 1);
  std::thread(print, std::string(buf)).detach();
}

void asInitCapture() {
  char buf[32] = "task 2\n";
  std::thread([s = std::string(buf)] { print(s); }).detach();
}

void throughBind() {
  char buf[32] = "task 3\n";
  std::thread(std::bind(print, std::string(buf))).detach();
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  asArgument();
  asInitCapture();
  throughBind();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}
#endif
