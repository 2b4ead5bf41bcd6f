// A visible move assignment that checks for self-assignment, copies the
// trivially copyable 'id' and moves only 'payload' leaves 'id' in the
// source: reading 'from.id' after `to = std::move(from)` is well defined.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
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
  std::string payload;
  int id = 0;
};

int idAfterMove(Record &to, Record from) {
  to = std::move(from);
  return from.id;
}
