// A member function detaches a thread that uses `this`; the object is a
// local that dies while the thread may still run.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <thread>
void pause_ms(int);

class Flusher {
public:
  void flush_async() {
    std::thread([this] { // expected-note {{the thread running it is started here}}
      pause_ms(50);
      ++flushed_;
    }).detach();
  }

private:
  int flushed_ = 0;
};

void handle() {
  Flusher f;
  f.flush_async(); // expected-warning {{thread may outlive 'f'}} expected-note {{'flush_async' starts a thread that uses '*this' and does not wait for it}} expected-note {{the address of 'f' is passed to the thread here}}
} // expected-note {{'f' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  handle();
  pause_ms(200);
}
#endif
