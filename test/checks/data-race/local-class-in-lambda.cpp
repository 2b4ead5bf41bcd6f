// A class nested in a class declared in a lambda's body: the lambda's own
// pre-scan finds the local class, and its nested class's members are
// analysed too.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <thread>

void inLambda() {
  auto f = [] {
    struct Inner {
      struct Deeper {
        int n = 0;
        void go() {
          std::thread a([this] { ++n; }); // expected-warning {{data race on 'n': this write can run at the same time as a write in another thread}} expected-note {{the thread is spawned here}} expected-note {{help: make 'n' a std::atomic<int>}}
          ++n; // expected-note {{the other write is here}}
          a.join(); // expected-note {{the spawning function joins it only here}}
        }
      };
    };
    Inner::Deeper d;
    d.go();
  };
  f();
}

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 20; ++i)
    inLambda();
}
#endif
