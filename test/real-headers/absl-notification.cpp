// absl::Notification against the real Debian header (libabsl-dev): Notify()
// and WaitForNotification() are compiled in libabsl, so their order comes
// from the model of their documented contract (Models/Races.def).
// REQUIRES: absl
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <absl/synchronization/notification.h>
#include <thread>

// The shape of absl/synchronization/lifetime_test.cc: a read before
// Notify(), a write after WaitForNotification() in another thread.
int read_then_notify() {
  int state = 0;
  int seen = -1;
  absl::Notification read_done;
  std::thread one([&] {
    seen = state;
    read_done.Notify();
  });
  std::thread two([&] {
    read_done.WaitForNotification();
    state = 1;
  });
  one.join();
  two.join();
  return seen;
}

int polled(absl::Notification *n) {
  int value = 0;
  std::thread producer([&] {
    value = 42;
    n->Notify();
  });
  while (!n->HasBeenNotified()) {
  }
  int v = value;
  producer.join();
  return v;
}

int written_after_notify() {
  int value = 0;
  absl::Notification ready;
  std::thread producer([&] { // expected-note {{the thread is spawned here}}
    ready.Notify();
    value = 42; // expected-warning {{data race on 'value'}} expected-note {{help:}}
  });
  ready.WaitForNotification();
  int v = value; // expected-note {{the other read is here}}
  producer.join(); // expected-note {{the spawning function joins it only here}}
  return v;
}
