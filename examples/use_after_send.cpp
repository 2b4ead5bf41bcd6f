// Rust Book 16-9 in C++: using a value after sending it down a channel.
#include "include/channel.h"
#include <cstdio>
#include <string>
#include <thread>

int main() {
  Channel<std::string> tx;
  std::thread producer([tx] {
    std::string val = "hi";
    tx.send(val);
    std::printf("val is %s\n", val.c_str()); // val was sent away
  });
  std::printf("Got: %s\n", tx.recv().c_str());
  producer.join();
}
