// A channel whose send() is marked fearless::sends: the value goes to
// another thread, so its type must be Send.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <utility>

struct FEARLESS_NOT_SEND Token {}; // expected-note {{'Token' is marked fearless::not_send here}}

template <class T> class Sender {
public:
  void send(T value FEARLESS_SENDS); // expected-note {{parameter 'value' of 'send' is marked fearless::sends: the argument is handed to another thread}}
};

void produce(Sender<Token> &tx) {
  Token t;
  tx.send(std::move(t)); // expected-warning {{'t' is sent to another thread, but its type 'Token' is not Send}}
}

void produceInts(Sender<int> &tx) {
  int v = 1;
  tx.send(v);
}
