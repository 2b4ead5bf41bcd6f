// Rust Book listing 16-9 with a hand-written channel and no annotation:
// using a value after moving it into send() (E0382, borrow of moved value).
// send() is inferred to hand its argument to the receiving thread
// (core/ChannelInference.cpp).
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <channels/blocking-queue.h>
#include <string>
#include <thread>
#include <utility>

void print(const std::string &);

int main() {
  BlockingQueue<std::string> channel;
  std::thread t([&channel] {
    std::string val = "hi";
    channel.send(std::move(val)); // expected-note {{'val' of type 'std::string' was moved here into 'send', which sends it to another thread}} expected-note {{help: move 'val' only after its last use, or assign it a new value before using it again}}
    print(val); // expected-warning {{'val' used after it was moved [fearless-use-after-move]}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  });
  std::string received = channel.receive();
  print(received);
  t.join();
}
