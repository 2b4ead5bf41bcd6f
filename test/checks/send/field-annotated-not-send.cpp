// Not Send derived through a field of an annotated type.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <thread>

struct FEARLESS_NOT_SEND Handle { // expected-note@-0 {{'Handle' is marked fearless::not_send here}}
  int fd;
};

struct Job {
  int id;
  Handle owner; // expected-note {{'Job' is not Send because its field 'owner' has type 'Handle'}}
};

void run(Job);

void start(Job job) {
  std::thread t([job] { run(job); }); // expected-warning {{'job' is sent to another thread, but its type 'Job' is not Send}} expected-note {{the thread is spawned here}}
  t.join();
}
