// The twin of ok-use-when-not-empty.cpp: the use is on the branch where the
// moved-from list is empty.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <list>
#include <utility>

void takeAll(std::list<int> &&l) { std::list<int> taken(std::move(l)); }

int firstAfterMove(std::list<int> items) {
  takeAll(std::move(items)); // expected-note {{'items' of type 'std::list<int>' was moved here}} expected-note {{help: move 'items' only after its last use, or assign it a new value before using it again}}
  if (items.empty())
    return items.front(); // expected-warning {{'items' used after it was moved}} expected-note {{a moved-from 'std::list<int>' is in a valid but unspecified state}}
  return 0;
}
