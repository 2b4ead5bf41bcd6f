// A call's result is stored but never tested: the value it consumed is
// gone, and reading it afterwards is reported.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
struct Queue {
  std::string last;
  bool empty = true;
  bool push(std::string &&value) { // true when the queue was empty before
    bool was = empty;
    last = std::move(value);
    empty = false;
    return was;
  }
};
void log(const std::string &);
void enqueue(Queue &q, std::string msg) {
  bool wasEmpty = q.push(std::move(msg)); // expected-note {{'msg' of type 'std::string' (aka 'basic_string<char>') was moved here}} expected-note {{help: move 'msg' only after its last use, or assign it a new value before using it again}}
  log(msg); // expected-warning {{'msg' used after it was moved}} expected-note {{a moved-from 'std::string' (aka 'basic_string<char>') is in a valid but unspecified state}}
  (void)wasEmpty;
}
