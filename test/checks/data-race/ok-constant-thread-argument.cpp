// A thread started with a constant argument runs only the accesses that
// value leads to: `if (flag)` with flag false writes nothing, and
// `record(s, true)` against `record(s, false)` writes different fields
// (issue 13: path facts about the thread's own arguments).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <functional>
#include <thread>

void flagFalse() {
  int x = 0;
  auto body = [&](bool flag) {
    if (flag)
      x = 1;
  };
  std::thread t(body, false);
  x = 2;
  t.join();
}

struct Stats {
  int first = 0;
  int rest = 0;
};

void record(Stats &s, bool isFirst) {
  if (isFirst)
    s.first++;
  else
    s.rest++;
}

void differentFields() {
  Stats s;
  std::thread t(record, std::ref(s), true);
  record(s, false);
  t.join();
}
