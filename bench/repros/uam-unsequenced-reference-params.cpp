// EXPECT: none
// FOUND IN: abseil absl/container/internal/btree.h:1441, btree_container.h:291, :308, :512, :519, :527, :533, raw_hash_set_allocator_test.cc:167, absl/types/internal/variant.h:593; onetbb include/oneapi/tbb/detail/_template_helpers.h:335
// VERDICT: FP: std::move(v) bound to a reference parameter moves nothing at the call, so key(v) next to it is fine
#include <string>
#include <utility>
struct Map {
  template <class K, class V> bool insert(const K &key, V &&value); // takes references
};
const std::string &keyOf(const std::string &v);
bool add(Map &m, std::string v) {
  return m.insert(keyOf(v), std::move(v)); // nothing is moved before insert runs
}
