// The fix-it turns [&x] into [x] when the thread only reads x and nothing
// writes it after the spawn; applied, the code compiles clean.
// RUN: %fearless-mock -std=c++17 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.cpp
// RUN: %fearless-mock -std=c++17 -Xclang -fixit %t.cpp
// RUN: %fearless-mock -std=c++17 -Werror %t.cpp
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
#include <thread>

void report(int);

void start() {
  int limit = 10;
  std::thread t([&limit] { report(limit); });
  t.detach();
}
// CHECK: warning: thread may outlive 'limit'
// CHECK: fix-it:"{{.*}}":{14:18-14:19}:""
// FIXED: std::thread t([limit] { report(limit); });
