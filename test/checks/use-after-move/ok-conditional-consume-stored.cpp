// Regression (abseil btree_container.h, docs/real-world.md): the result of a
// call that consumes only when it succeeds is stored, then tested right
// after; the value is used only on the branch where it was not consumed.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Tree {
  // Moves from 'value' only when it inserts (.second is true).
  std::pair<std::string *, bool> insertUnique(const std::string &key,
                                              std::string &&value);
};
void insertOrAssign(Tree &t, const std::string &k, std::string &&obj) {
  const std::pair<std::string *, bool> ret = t.insertUnique(k, std::move(obj));
  if (!ret.second)
    *ret.first = std::move(obj); // not inserted: obj was not consumed
}
