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
// CHECK: fix-it:"{{.*}}":{13:17-13:17}:", limit"
// CHECK: fix-it:"{{.*}}":{13:17-13:17}:", other"
// FIXED: std::thread([&, other, limit] { report(limit, other); }).detach();
