// A std::packaged_task local that borrows a local is moved into a thread
// that is detached: the thread may outlive the local.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <future>
#include <thread>
void pause_ms(int);
void log(int);

void start() {
  int request = 5;
  std::packaged_task<void()> task([&request] { pause_ms(50); log(request); }); // expected-note {{'task' holds a reference to 'request' and is passed to the thread here}}
  std::thread(std::move(task)).detach(); // expected-warning {{thread may outlive 'request'}} expected-note {{detached here}}
} // expected-note {{'request' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
void log(int) {}
int main() {
  start();
  pause_ms(200);
}
#endif
