// Regression (real code, issue 13: rocksdb db/merge_helper.cc:311): a move
// made only while a local flag holds a value, and the flag given the other
// value by a constant assignment right after, is not reached again: along
// the path the flag's value is known from the assignment until its next
// write, and a test it contradicts is no path.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address
#include <deque>
#include <memory>
#include <string>
#include <utility>

int sink(std::unique_ptr<int>);

// The first iteration moves; the loop's step says it was the first.
void firstOnly(std::deque<std::string> &keys, std::string original, int n) {
  bool firstIsOriginal = true;
  for (int i = 0; i < n; ++i, firstIsOriginal = false) {
    if (firstIsOriginal)
      keys.push_front(std::move(original));
    else
      keys.push_front(std::to_string(i));
  }
}

// The flag says whether the move ran.
int movedFlag(bool c) {
  auto p = std::make_unique<int>(7);
  bool moved = false;
  int r = 0;
  if (c) {
    r = sink(std::move(p));
    moved = true;
  }
  if (!moved)
    r += *p;
  return r;
}

// An enumerator that the move's branch stores, tested against 0 later.
enum class Stage { Pending, Sent };
int stage(bool c) {
  auto p = std::make_unique<int>(3);
  Stage s = Stage::Pending;
  if (c) {
    sink(std::move(p));
    s = Stage::Sent;
  }
  if (s == Stage::Pending)
    return *p;
  return 0;
}

#ifdef FEARLESS_RUN
int sink(std::unique_ptr<int> p) { return *p; }
int main() {
  std::deque<std::string> keys;
  firstOnly(keys, "k", 3);
  return movedFlag(true) + movedFlag(false) + stage(true) + stage(false) > 0
             ? 0
             : 1;
}
#endif
