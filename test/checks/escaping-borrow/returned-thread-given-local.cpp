// A helper starts a thread on the state it is given and returns the handle;
// its caller hands it the address of a local and detaches the thread, which
// may still use the local after the caller has returned.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <thread>

void pause_ms(int);

struct State {
  long hits = 0;
};

void work(State *s) {
  pause_ms(50);
  s->hits++;
}

std::thread start_worker(State *s, bool quick) {
  if (quick)
    return std::thread([s] { s->hits = 1; }); // expected-note {{'start_worker' starts the thread here and returns it}}
  return std::thread(work, s);
}

void fire(bool quick) {
  State state;
  std::thread t = start_worker(&state, quick); // expected-warning {{thread may outlive 'state'}} expected-note {{the address of 'state' is passed to the thread here}}
  t.detach(); // expected-note {{the thread is detached here}}
} // expected-note {{'state' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  fire(false);
  pause_ms(200);
}
#endif
