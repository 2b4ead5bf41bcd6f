// The twin of ok-use-when-not-empty.cpp: the use is on the branch where the
// moved-from list is empty.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <list>
#include <utility>

void takeAll(std::list<int> &&);

int firstAfterMove(std::list<int> items) {
  takeAll(std::move(items)); // expected-note {{'items' was moved here}}
  if (items.empty())
    return items.front(); // expected-warning {{'items' used after it was moved}}
  return 0;
}
