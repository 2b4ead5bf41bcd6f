// The twin of ok-notification-handoff.cpp: the producer writes the value
// after it notifies, so the waiter's read races with that write.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#ifdef FEARLESS_RUN
#define FEARLESS_NOTIFICATION_BODIES
#endif
#include "notification.h"
#include <thread>

int handoff() {
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

#ifdef FEARLESS_RUN
int main() { return handoff() >= 0 ? 0 : 1; }
#endif
