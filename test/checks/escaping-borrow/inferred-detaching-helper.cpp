// An unannotated helper starts a thread running its callable and detaches
// it: the callable's borrow of the caller's local outlives the local.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <thread>
#include <utility>
void pause_ms(int);

template <class F> void run_in_background(F &&f) {
  std::thread(std::forward<F>(f)).detach(); // expected-note {{the thread running it is started here}}
}

void log(int);

void handle() {
  int request = 5;
  run_in_background([&] { // expected-warning {{thread may outlive 'request'}} expected-note {{'run_in_background' runs the callable on a thread that it does not wait for}}
    pause_ms(50);
    log(request); // expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
  });
} // expected-note {{'request' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
void log(int) {}
int main() {
  handle();
  pause_ms(200);
}
#endif
