// The googletest macros the unjoined-thread tests use, expanded the way
// googletest 1.12's gtest.h expands them: FAIL() -> GTEST_FAIL() ->
// GTEST_FATAL_FAILURE_("Failed") -> `return` of a recorded failure, and
// ASSERT_TRUE(c) returns the same way when `c` is false. Enough to compile
// and run a test body without the library (the real headers:
// test/real-headers/gtest-unreachable-default.cpp).
#ifndef GTEST_MOCK_H
#define GTEST_MOCK_H
#include <cstdio>

namespace testing {
struct Message {
  template <class T> Message &operator<<(const T &) { return *this; }
};
namespace internal {
struct AssertHelper {
  AssertHelper(const char *File, int Line, const char *What)
      : File(File), Line(Line), What(What) {}
  void operator=(const Message &) const {
    std::fprintf(stderr, "%s:%d: Failure: %s\n", File, Line, What);
  }
  const char *File;
  int Line;
  const char *What;
};
} // namespace internal
} // namespace testing

#define GTEST_MESSAGE_(message)                                                \
  ::testing::internal::AssertHelper(__FILE__, __LINE__, message) =             \
      ::testing::Message()
#define GTEST_FATAL_FAILURE_(message) return GTEST_MESSAGE_(message)
#define GTEST_FAIL() GTEST_FATAL_FAILURE_("Failed")
#define FAIL() GTEST_FAIL()
#define ASSERT_TRUE(condition)                                                 \
  if (condition)                                                               \
    ;                                                                          \
  else                                                                         \
    GTEST_FATAL_FAILURE_("Value of: " #condition)

#endif
