// The twin of member-call-moves-field.cpp: a member function in between
// gives the field a new value, the reader tests the field before using it,
// the mover moves only under a condition, the reader never names the
// field; and without SubObjectMoves nothing is followed across calls.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SubObjectMoves=true
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include <memory>
#include <string>
#include <utility>

void sink(std::unique_ptr<int>);

class Task {
  std::unique_ptr<int> payload_ = std::make_unique<int>(7);
  int id_ = 0;

public:
  void hand_off() { sink(std::move(payload_)); }
  void maybe_hand_off(bool now) {
    if (now)
      sink(std::move(payload_));
  }
  void refill() { payload_ = std::make_unique<int>(1); }
  int peek() const { return payload_ ? *payload_ : -1; }
  int deref() const { return *payload_; }
  int id() const { return id_; }
};

int refilled() {
  Task t;
  t.hand_off();
  t.refill();
  return t.deref();
}

int tested() {
  Task t;
  t.hand_off();
  return t.peek();
}

int conditional() {
  Task t;
  t.maybe_hand_off(false);
  return t.deref();
}

int otherField() {
  Task t;
  t.hand_off();
  return t.id();
}

#ifdef FEARLESS_RUN
void sink(std::unique_ptr<int>) {}
int main() { return refilled() + tested() + conditional() + otherField() == 0; }
#endif
