// An object of a thread class whose constructor starts the thread itself,
// made from a lambda that borrows a local; its destructor detaches a thread
// nobody joined. The thread may still run the lambda after the function
// returns and the local is gone.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: address
#include "classes/thread_class_shapes.h"

void record(int);

void schedule() {
  int request = 5;
  SelfStartingThread t([&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
} // expected-note {{the thread is not joined when this path is taken}} expected-note {{'request' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  seen = r;
}
int main() {
  schedule();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return 0;
}
#endif
