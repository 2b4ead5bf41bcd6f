// The fix-it copies instead of moving; applied, the use is fine.
// RUN: %fearless-mock -std=c++17 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.cpp
// RUN: %fearless-mock -std=c++17 -Xclang -fixit %t.cpp
// RUN: %fearless-mock -std=c++17 -Werror %t.cpp
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
#include <string>
#include <utility>
#include <vector>

void print(const std::string &);

void keep(std::vector<std::string> &messages) {
  std::string str = "hello";
  messages.push_back(std::move(str));
  print(str);
}
// CHECK: warning: 'str' used after it was moved
// CHECK: fix-it:"{{.*}}":{15:22-15:36}:"str"
// FIXED: messages.push_back(str);
