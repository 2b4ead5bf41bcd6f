// One thread reads the state, then notifies; the other waits for the
// notification before it writes: absl::Notification's contract orders
// everything before Notify() before what follows WaitForNotification()
// (Models/Races.def), though the bodies are in another TU.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: thread
#ifdef FEARLESS_RUN
#define FEARLESS_NOTIFICATION_BODIES
#endif
#include "notification.h"
#include <thread>

int handoff() {
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

int through_pointer(absl::Notification *n) {
  int value = 0;
  std::thread producer([&] {
    value = 42;
    n->Notify();
  });
  n->WaitForNotification();
  int v = value;
  producer.join();
  return v;
}

#ifdef FEARLESS_RUN
int main() {
  absl::Notification n;
  return handoff() == 0 && through_pointer(&n) == 42 ? 0 : 1;
}
#endif
