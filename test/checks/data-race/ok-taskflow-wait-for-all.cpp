// The correct twin of taskflow-silent-async.cpp: what the tasks write is
// read after wait_for_all(), after the executor's destructor (which calls
// wait_for_all()), or after the future of async() is ready.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/taskflow.hpp"

int one_task() {
  int result = 0;
  tf::Executor executor;
  executor.silent_async([&] { result = 42; });
  executor.wait_for_all();
  return result;
}

int destructor_waits() {
  int result = 0;
  {
    tf::Executor executor;
    executor.silent_async([&] { result = 7; });
  }
  return result;
}

int future_first() {
  int state = 0;
  tf::Executor executor;
  std::future<void> done = executor.async([&] { state = 1; });
  done.get();
  return state;
}

#ifdef FEARLESS_RUN
int main() {
  return one_task() != 42 || destructor_waits() != 7 || future_first() != 1;
}
#endif
