// The twin of global-moves-option.cpp: by default globals and static
// members are not tracked (any function may give them a new value between
// the move and the use), and a reassigned one is fine with the option too.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-GlobalAndStaticMoves=true -DREASSIGNED
// expected-no-diagnostics
#include <string>
#include <utility>
void sink(std::string);
std::string pending;

std::size_t drain() {
  sink(std::move(pending));
#ifdef REASSIGNED
  pending = "next";
#endif
  return pending.size();
}
