// The twin of emplace-builds-node-first.cpp: libstdc++ 12's std::map::emplace
// with a key and a value looks the key up first in C++17, and try_emplace
// never moves when the key exists: the value is intact when nothing was
// inserted (confirmed by running it). clang-tidy reports the map::emplace
// one; the Static Analyzer does not.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

void print(const std::string &);

void keepFirst(std::map<int, std::string> &m, int k, std::string v) {
  if (!m.emplace(k, std::move(v)).second)
    print(v); // not inserted: v was not moved
}

void keepFirstHashed(std::unordered_map<int, std::string> &m, int k,
                     std::string v) {
  if (!m.try_emplace(k, std::move(v)).second)
    print(v); // not inserted: v was not moved
}
