// Regression (real code, docs/real-world.md): FP: std::move(v) bound to a reference parameter moves nothing at the call, so key(v) next to it is fine
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Map {
  template <class K, class V> bool insert(const K &key, V &&value); // takes references
};
const std::string &keyOf(const std::string &v);
bool add(Map &m, std::string v) {
  return m.insert(keyOf(v), std::move(v)); // nothing is moved before insert runs
}
