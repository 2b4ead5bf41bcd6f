// EXPECT: none
// FOUND IN: onetbb test/common/doctest.h:1739, test/common/container_move_support.h:188, :213, test/common/parallel_for_each_common.h:335, test/tbb/test_task_arena.cpp:1234
// VERDICT: FP: a move constructor moves the base subobject, then uses the derived part
#include <string>
#include <utility>
struct Base { std::string name; };
struct Derived : Base {
  std::string extra;
  Derived(Derived &&other)
      : Base(static_cast<Base &&>(other)), extra(other.extra) {} // only the Base part was moved
};
