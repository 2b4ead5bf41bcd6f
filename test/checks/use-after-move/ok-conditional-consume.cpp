// Regression (real code, docs/real-world.md): debatable, not reported (precision first): the callee consumes the argument only when it succeeds (insert_or_assign, node-handle insert); clang-tidy reports it too
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Map {
  // Moves from 'value' only when it inserts (returns true).
  bool insertUnique(const std::string &key, std::string &&value);
  std::string &at(const std::string &key);
};
void insertOrAssign(Map &m, const std::string &k, std::string &&obj) {
  if (!m.insertUnique(k, std::move(obj)))
    m.at(k) = std::move(obj); // not inserted: obj was not consumed
}
