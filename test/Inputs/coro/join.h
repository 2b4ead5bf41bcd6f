// join(a, b) awaits two lazy tasks and finishes when both have: the C++
// counterpart of trpl::join in the Rust Book's chapter 17. (On one thread it
// runs them one after the other; what matters to the tests is that both
// frames have finished when `co_await join(...)` resumes.)
#pragma once
#include "coro/task.h"

inline Task<> join(Task<> first, Task<> second) {
  co_await first;
  co_await second;
}
