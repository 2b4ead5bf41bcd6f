// The twin of element-or-pointee-moved.cpp: another element used, the
// element assigned again, an index that changes, the pointer pointed
// elsewhere or tested, the pointee assigned.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SubObjectMoves=true
// expected-no-diagnostics
#include <memory>
#include <string>
#include <utility>
#include <vector>

void sink(std::string);

std::size_t otherElement(std::vector<std::string> &v) {
  sink(std::move(v[0]));
  return v[1].size();
}

std::size_t elementAssigned(std::vector<std::string> &v) {
  sink(std::move(v[0]));
  v[0] = "again";
  return v[0].size();
}

std::size_t indexChanges(std::vector<std::string> &v, int i) {
  sink(std::move(v[i]));
  ++i;
  return v[i].size();
}

std::size_t pointedElsewhere(std::string *p, std::string *q) {
  sink(std::move(*p));
  p = q;
  return p->size();
}

std::size_t pointeeAssigned(std::string *p) {
  sink(std::move(*p));
  *p = "again";
  return p->size();
}

std::size_t smartPointeeReset(std::unique_ptr<std::string> &u) {
  sink(std::move(*u));
  u.reset(new std::string("x"));
  return u->size();
}

// Reduced from onetbb's concurrent_priority_queue.h:320: reheap() moves the
// last element into data[0] again.
class Heap {
  std::vector<std::string> data;
  void reheap();

public:
  void pop(std::string &out, int n) {
    for (int k = 0; k < n; ++k) {
      if (data.empty())
        continue;
      if (data[0].size() < data.back().size()) {
        out = std::move(data.back());
        data.pop_back();
      } else {
        out = std::move(data[0]);
        reheap();
      }
    }
  }
};
