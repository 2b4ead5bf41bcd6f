// Regression (oneTBB collaborative_call_once tests, docs/real-world.md): a
// value forwarded to call_once inside a loop is consumed at most once, by
// the one call that runs the function.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <string>
#include <utility>
void init(std::string &&config);
void initOnce(std::once_flag &flag, std::string &&config, int callers) {
  for (int i = 0; i < callers; ++i)
    std::call_once(flag, init, std::move(config));
}
