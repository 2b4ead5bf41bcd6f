// A fresh object that only a local pointer names, captured by copy by a
// detached thread that writes it, then read by the spawner: the lambda's
// copy of the pointer names the same object (muduo's TimerQueue::addTimer
// reads the Timer it has handed to the loop thread).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <thread>

struct Timer {
  long seq = 1;
};

long schedule() {
  Timer *t = new Timer;
  std::thread([t] { t->seq = 2; }).detach(); // expected-warning {{data race on 't->seq': this write can run at the same time as a read in another thread}} expected-note {{the thread is spawned here}} expected-note {{help: make 't->seq' a std::atomic<long>}}
  return t->seq; // expected-note {{the other read is here}}
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  long s = schedule();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return s == 7;
}
#endif
