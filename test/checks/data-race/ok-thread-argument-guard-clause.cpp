// A guard clause decides like an enclosing `if`: the thread started with
// `false` returns at `if (!flag) return;` before its write, and the copy
// started with `true` returns before the other field's write (issue 13:
// path facts about the thread's own arguments, in early-return form).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: thread
#include <functional>
#include <thread>

int guardClause() {
  int x = 0;
  auto body = [&](bool flag) {
    if (!flag)
      return;
    x = 1;
  };
  std::thread t(body, false);
  x = 2;
  t.join();
  return x;
}

struct Stats {
  int first = 0;
  int rest = 0;
};

void record(Stats &s, bool isFirst) {
  if (isFirst) {
    s.first++;
    return;
  }
  s.rest++;
}

int differentFields() {
  Stats s;
  std::thread t(record, std::ref(s), true);
  record(s, false);
  t.join();
  return s.first + s.rest;
}

#ifdef FEARLESS_RUN
int main() { return guardClause() == 2 && differentFields() == 2 ? 0 : 1; }
#endif
