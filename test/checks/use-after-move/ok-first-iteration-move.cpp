// A move that runs only in the first iteration (`w ? ... : std::move(init)`
// with `w` counting from 0) is not reached again by itself in a later
// iteration (issue 13: iteration-dependent moves in a scheduler's worker
// setup).
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
#include <vector>

void seedOnce(std::vector<std::string> &out) {
  std::string init = "seed";
  std::string *prev = nullptr;
  for (int w = 0; w < 3; ++w) {
    std::string cur = w ? *prev : std::move(init);
    out.push_back(cur);
    prev = &out.back();
  }
}

void seedOnceByIf(std::vector<std::string> &out) {
  std::string init = "seed";
  for (unsigned i = 0; i != 4; i += 1) {
    if (i == 0)
      out.push_back(std::move(init));
    else
      out.push_back(out.back());
  }
}
