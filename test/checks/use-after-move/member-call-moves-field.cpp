// With SubObjectMoves=true, a member function that moves a field as its
// last act, then another member function that reads it first, called on
// the same object by one caller: the field is used after it was moved
// (cplusplus.Move follows it by inlining both calls; clang-tidy does not).
// Also on *this, from another member function.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SubObjectMoves=true
// CONFIRM: address
#include <memory>
#include <string>
#include <utility>

void sink(std::unique_ptr<int>);
void log(const std::string &);

class Task {
  std::unique_ptr<int> payload_ = std::make_unique<int>(7);

public:
  void hand_off() {
    sink(std::move(payload_)); // expected-note 2 {{'hand_off' moves 'payload_' here}}
  }
  int peek() const {
    return *payload_; // expected-note 2 {{'peek' reads 'payload_' here}}
  }
  void run() {
    hand_off(); // expected-note {{'payload_' of type 'std::unique_ptr<int>' was moved by this call to 'hand_off'}} expected-note {{help: move 'payload_' only after its last use}}
    peek(); // expected-warning {{'payload_' used after it was moved}} expected-note {{is null}}
  }
};

int caller() {
  Task t;
  t.hand_off(); // expected-note {{'t.payload_' of type 'std::unique_ptr<int>' was moved by this call to 'hand_off'}} expected-note {{help: move 't.payload_' only after its last use}}
  return t.peek(); // expected-warning {{'t.payload_' used after it was moved}} expected-note {{is null}}
}

#ifdef FEARLESS_RUN
void sink(std::unique_ptr<int>) {}
void log(const std::string &) {}
int main() { return caller(); }
#endif
