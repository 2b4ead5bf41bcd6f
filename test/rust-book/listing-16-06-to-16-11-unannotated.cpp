// Rust Book listings 16-6, 16-7, 16-8, 16-10 and 16-11 with a hand-written
// channel and no annotation: a mutex, a condition variable and a queue (the
// way C++ code bases write mpsc). fearless infers that send() hands its
// argument to the receiving thread (core/ChannelInference.cpp); message
// passing done right compiles clean.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void print(const std::string &);

int main() {
  BlockingQueue<std::string> channel; // 16-6: one queue, many producers
  std::thread producer([&channel] {
    std::vector<std::string> vals(4);
    for (auto &val : vals)
      channel.send(std::move(val)); // 16-10: several values, each moved once
  });
  std::thread producer2([&channel] { // 16-11: a second producer
    std::string val = "more";
    channel.send(std::move(val));
  });
  for (int i = 0; i < 5; ++i) {
    std::string received = channel.receive(); // 16-8
    print(received);
  }
  producer.join();
  producer2.join();
}
