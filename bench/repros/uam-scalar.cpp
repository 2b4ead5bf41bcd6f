// EXPECT: none
// FOUND IN: abseil absl/functional/bind_front_test.cc:74; onetbb include/oneapi/tbb/concurrent_hash_map.h:152 (Args = node_base*)
// VERDICT: FP: moving an int or a pointer copies it
#include <utility>
void take(int &&);
int f() {
  int i = 1;
  take(static_cast<int &&>(i)); // moving an int copies it
  return i;
}
