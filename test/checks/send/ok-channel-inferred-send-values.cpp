// The same hand-written blocking queue carrying Send values: an atomically
// counted handle, a string, a std::unique_ptr handed off. No report.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <fearless/refcounted.h>
#include <memory>
#include <string>
#include <utility>

struct Frame {
  int pixels = 0;
};

void produce(BlockingQueue<Arc<Frame>> &frames, BlockingQueue<std::string> &names,
             BlockingQueue<std::unique_ptr<Frame>> &owned) {
  Arc<Frame> shared;
  frames.send(shared);
  std::string name = "frame";
  names.send(name);
  auto mine = std::make_unique<Frame>();
  owned.send(std::move(mine));
}
