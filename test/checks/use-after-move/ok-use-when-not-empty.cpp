// A use on the branch where the moved-from object is not empty() reads a
// value it holds again, not its moved-from state (issue 13: rocksdb's
// write_buffer_manager.cc splices a list into a queue, then signals what
// is left only `if (!new_node.empty())`).
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <list>
#include <utility>

struct Waiter {
  void signal() {}
};

void spliceOrSignal(std::list<Waiter *> &queue, Waiter *w, bool stall) {
  std::list<Waiter *> node = {w};
  if (stall)
    queue.splice(queue.end(), std::move(node));
  if (!node.empty())
    node.front()->signal();
}
