// With [&], the fix-it adds a by-copy capture of the borrowed object.
// RUN: %fearless-mock -std=c++17 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.cpp
// RUN: %fearless-mock -std=c++17 -Xclang -fixit %t.cpp
// RUN: %fearless-mock -std=c++17 -Werror %t.cpp
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
#include <thread>

void report(int, int);

void start(int other) {
  int limit = 10;
  std::thread([&] { report(limit, other); }).detach();
}
// One finding for the thread, one fix-it per borrowed object (clang merges
// the insertions at one place).
// CHECK: warning: thread may outlive 'limit', which it borrows
// CHECK: fix-it:"{{.*}}":{13:17-13:17}:", limit, other"
// CHECK-NOT: warning:
// FIXED: std::thread([&, limit, other] { report(limit, other); }).detach();
