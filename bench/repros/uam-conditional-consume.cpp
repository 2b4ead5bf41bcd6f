// EXPECT: none
// FOUND IN: abseil absl/container/internal/btree_container.h:513, :520; onetbb include/oneapi/tbb/detail/_concurrent_skip_list.h:1072
// VERDICT: debatable: the callee consumes the argument only when it succeeds (insert_or_assign, node-handle insert); clang-tidy reports it too
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
