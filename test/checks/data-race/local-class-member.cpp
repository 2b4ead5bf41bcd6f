// A member function of a class declared in a function body is analysed
// like any other: the translation unit's walk does not look into bodies,
// each function's pre-scan hands its local classes on.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <thread>

void run() {
  struct Worker {
    int hits = 0;
    void go() {
      std::thread a([this] { ++hits; }); // expected-warning {{data race on 'hits': this write can run at the same time as a write in another thread}} expected-note {{one thread is spawned here}} expected-note {{help: make 'hits' a std::atomic<int>}}
      std::thread b([this] { ++hits; }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
      a.join();
      b.join();
    }
  };
  Worker w;
  w.go();
}

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 20; ++i)
    run();
}
#endif
