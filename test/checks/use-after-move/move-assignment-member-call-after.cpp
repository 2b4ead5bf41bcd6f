// The twin of ok-move-assignment-keeps-field.cpp: a member function called
// on the moved-from object may read the moved field ('payload'), so the
// call is a use, whatever the move assignment keeps.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

struct Record {
  Record &operator=(Record &&o) noexcept {
    if (this != &o) {
      payload = std::move(o.payload);
      id = o.id;
    }
    return *this;
  }
  unsigned long size() const { return payload.size(); }
  std::string payload;
  int id = 0;
};

unsigned long sizeAfterMove(Record &to, Record from) {
  to = std::move(from); // expected-note {{'from' of type 'Record' was moved here}} expected-note {{help: move 'from'}}
  return from.size(); // expected-warning {{'from' used after it was moved}}
}
