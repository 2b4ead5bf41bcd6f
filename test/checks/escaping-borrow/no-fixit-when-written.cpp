// No fix-it when a copy would change the meaning: the thread writes the
// object, or the spawner writes it after the spawn.
// RUN: %fearless-mock -std=c++17 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
#include <thread>

void report(int);

void threadWrites() {
  int count = 0;
  std::thread([&count] { ++count; }).detach();
}

void spawnerWritesLater() {
  int limit = 1;
  std::thread([&limit] { report(limit); }).detach();
  limit = 2;
}
// CHECK: warning: thread may outlive 'count'
// CHECK: warning: thread may outlive 'limit'
// CHECK-NOT: fix-it:
