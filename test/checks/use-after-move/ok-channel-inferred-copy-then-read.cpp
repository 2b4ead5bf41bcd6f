// An lvalue given to an unannotated blocking queue's send() is copied into
// the queue (the parameter is by value): the producer keeps its own copy.
// A moved value given a new value before it is read is fine too.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <string>
#include <utility>

void print(const std::string &);

void produce(BlockingQueue<std::string> &q) {
  std::string line = "hello";
  q.send(line);
  print(line);
  q.send(std::move(line));
  line = "again";
  print(line);
}
