// Regression (oneTBB concurrent_map, docs/real-world.md): a map whose
// insert() is inherited from an implementation base: a failed insert
// leaves the node handle alone, whatever class defines insert().
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
struct Node {
  Node() = default;
  Node(Node &&) = default;
  bool empty() const;
};
struct SkipList {
  std::pair<int, bool> insert(Node &&nh);
};
struct ConcurrentMap : SkipList {};
bool check(bool);
void reinsert(ConcurrentMap &m, Node nh) {
  auto r = m.insert(std::move(nh));
  check(r.second);
  check(!nh.empty()); // not inserted: still owns its node
}
