// Rust Book listing 16-9: using a value after sending it down a channel
// (E0382, borrow of moved value). The channel's send() is marked
// fearless::sends (see Inputs/fearless/channel.h).
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <fearless/channel.h>
#include <string>
#include <thread>
#include <utility>

void print(const std::string &);

int main() {
  auto [tx, rx] = channel<std::string>();
  std::thread t([tx] {
    std::string val = "hi";
    tx.send(val); // expected-note {{'val' of type 'std::string' was moved here: parameter 'value' of 'send' is marked fearless::sends}} expected-note {{help: move 'val' only after its last use, or assign it a new value before using it again}}
    print(val); // expected-warning {{'val' used after it was moved [fearless-use-after-move]}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  });
  std::string received = rx.recv();
  print(received);
  t.join();
}
