// Rust Book listings 16-6, 16-7, 16-8, 16-10 and 16-11: message passing
// done right compiles clean — a producer thread owns its sender, values are
// sent and not touched afterwards, several producers each own a clone.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/channel.h>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void print(const std::string &);

int main() {
  auto [tx, rx] = channel<std::string>();
  Sender<std::string> tx1 = tx; // 16-11: a second producer
  std::thread producer([tx] {
    std::vector<std::string> vals(4);
    for (auto &val : vals)
      tx.send(std::move(val)); // 16-10: several values, each moved once
  });
  std::thread producer2([tx1] {
    std::string val = "more";
    tx1.send(std::move(val));
  });
  std::string received = rx.recv(); // 16-8
  print(received);
  producer.join();
  producer2.join();
}
