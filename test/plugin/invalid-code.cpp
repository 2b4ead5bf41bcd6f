// Functions with errors are skipped; the rest is analysed; no crash.
// RUN: not %fearless-mock -std=c++17 %s 2>&1 | FileCheck %s
#include <thread>

void use(int &);

void broken() {
  int local = 0;
  std::thread t([&] { use(local); undeclared(); });
  t.detach();
}

void fine() {
  int other = 0;
  std::thread([&] { use(other); }).detach();
}
// CHECK: error: use of undeclared identifier 'undeclared'
// CHECK-NOT: 'local'
// CHECK: warning: thread may outlive 'other'
