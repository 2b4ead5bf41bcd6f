// The twin of ok-flag-set-with-move.cpp: the constant stored with the move
// is the one that lets the use run, or the flag is set again before the
// next iteration: the moved-from pointer is dereferenced.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <memory>
#include <utility>
#include <vector>

int sink(std::unique_ptr<int>);
void log(int);

int movedFlagWrong(bool c) {
  auto p = std::make_unique<int>(7);
  bool moved = false;
  int r = 0;
  if (c) {
    r = sink(std::move(p)); // expected-note {{was moved here}} expected-note {{help:}}
    moved = false;          // meant: true
  }
  if (!moved)
    r += *p; // expected-warning {{'p' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<int>' is null}}
  return r;
}

void firstEveryTime(std::vector<std::unique_ptr<int>> &out, int n) {
  auto p = std::make_unique<int>(1);
  bool first = true;
  for (int i = 0; i < n; ++i, first = true) { // meant: first = false
    if (first) {
      log(*p); // expected-warning {{'p' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<int>' is null}}
      out.push_back(std::move(p)); // expected-note {{was moved here}} expected-note {{help:}}
    }
  }
}

#ifdef FEARLESS_RUN
int sink(std::unique_ptr<int> p) { return *p; }
void log(int) {}
int main(int argc, char **) {
  std::vector<std::unique_ptr<int>> out;
  if (argc > 1)
    firstEveryTime(out, 2);
  return movedFlagWrong(true);
}
#endif
