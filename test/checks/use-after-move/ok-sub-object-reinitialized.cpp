// The twin of sub-object-moved.cpp: a part written again (`s.v = ...`,
// `s.v.clear()`), its object assigned, reset through a non-const reference
// or a non-const member, another field used, the object used as a whole
// (a copy of a moved-from field is no bug: fearless, like cplusplus.Move,
// does not report it), and by default (without SubObjectMoves) nothing is
// tracked.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SubObjectMoves=true
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s -DMOVED_AND_USED
// expected-no-diagnostics
#include <string>
#include <utility>
#include <vector>

struct Job {
  std::string name;
  std::vector<int> items;
  int id = 0;
  void restart();
};
void sink(std::string);
void fill(Job &);
void print(const Job &);

std::size_t written() {
  Job j;
  sink(std::move(j.name));
  j.name = "next";
  return j.name.size();
}

std::size_t cleared() {
  Job j;
  sink(std::move(j.name));
  j.name.clear();
  return j.name.size();
}

std::size_t wholeAssigned() {
  Job j;
  sink(std::move(j.name));
  j = Job();
  return j.name.size();
}

std::size_t outParameter() {
  Job j;
  sink(std::move(j.name));
  fill(j);
  return j.name.size();
}

std::size_t nonConstMember() {
  Job j;
  sink(std::move(j.name));
  j.restart();
  return j.name.size();
}

std::size_t otherField() {
  Job j;
  sink(std::move(j.name));
  j.items.push_back(j.id);
  print(j); // the object as a whole: not reported
  return j.items.size();
}

std::size_t pointerReassigned(Job *p, Job *q) {
  sink(std::move(p->name));
  p = q;
  return p->name.size();
}

std::size_t pointerPassedOn(Job *p) {
  sink(std::move(p->name));
  fill(*p);
  return p->name.size();
}

std::size_t pointeeRestarted(Job *p) {
  sink(std::move(p->name));
  p->restart(); // may give name a new value
  return p->name.size();
}

std::size_t freshEachIteration(int n) {
  std::size_t total = 0;
  for (int k = 0; k < n; ++k) {
    Job j;
    total += j.name.size();
    sink(std::move(j.name));
  }
  return total;
}

struct Holder {
  Job job_;
  std::size_t handOff() {
    sink(std::move(job_.name));
    job_.name = "next";
    return job_.name.size();
  }
};

template <class T> std::size_t generic(T &t) {
  sink(std::move(t.name));
  t.name = "x";
  return t.name.size();
}
template std::size_t generic<Job>(Job &);

#ifdef MOVED_AND_USED
// Without SubObjectMoves: not tracked.
std::size_t byDefault() {
  Job j;
  sink(std::move(j.name));
  return j.name.size();
}
#endif
