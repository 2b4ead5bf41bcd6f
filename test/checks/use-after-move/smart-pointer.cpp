// A moved-from smart pointer is null: only dereferencing it is a use.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <memory>
#include <utility>

struct Node {
  int value;
};
void sink(std::unique_ptr<Node>);

int deref() {
  auto p = std::make_unique<Node>();
  sink(std::move(p)); // expected-note {{'p' of type 'unique_ptr<Node>' was moved here}} expected-note {{help: move 'p' only after its last use, or assign it a new value before using it again}}
  if (p)              // fine: testing against null
    return 0;
  if (p.get() == nullptr) // fine
    return 1;
  return p->value; // expected-warning {{'p' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<Node>' is null}}
}

void resetIsFine() {
  auto p = std::make_unique<Node>();
  sink(std::move(p));
  p.reset(new Node{2});
  p->value = 3;
}
