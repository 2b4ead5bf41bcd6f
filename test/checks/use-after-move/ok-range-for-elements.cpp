// The twin of range-for-elements-moved.cpp: after a range-for moved every
// element, the container cleared or given new elements, only its size()
// or empty() asked, its elements assigned again by another loop; an
// element moved only under a condition (not every element is gone: fearless
// does not report, whatever follows); a by-value loop variable (a copy).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void consume(std::string);
void take(std::unique_ptr<int>);
void print(const std::string &);
bool wanted(const std::string &);

void cleared(std::vector<std::string> &names) {
  for (auto &n : names)
    consume(std::move(n));
  names.clear();
  names.push_back("next");
  print(names.front());
}

void reassigned(std::vector<std::string> &names, std::vector<std::string> &more) {
  for (auto &n : names)
    consume(std::move(n));
  names = more;
  print(names[0]);
}

std::size_t sizeOnly(std::vector<std::string> &names) {
  for (auto &n : names)
    consume(std::move(n));
  return names.empty() ? 0 : names.size();
}

void elementsAssigned(std::vector<std::string> &names) {
  for (auto &n : names)
    consume(std::move(n));
  for (auto &n : names)
    n = "fresh";
  print(names.back());
}

void conditional(std::vector<std::string> &names) {
  for (auto &n : names)
    if (wanted(n))
      consume(std::move(n));
}

void conditionalThenRead(std::vector<std::string> &names) {
  for (auto &n : names) {
    if (!wanted(n))
      continue;
    consume(std::move(n));
  }
  print(names[0]);
}

void byValue(std::vector<std::string> &names) {
  for (auto n : names)
    consume(std::move(n));
  print(names[0]);
}

int pointersRefilled(std::vector<std::unique_ptr<int>> &ps) {
  for (auto &p : ps)
    take(std::move(p));
  for (auto &p : ps)
    p = std::make_unique<int>(2);
  int sum = 0;
  for (auto &p : ps)
    sum += *p;
  return sum;
}

void swapped(std::vector<std::string> &names) {
  std::vector<std::string> moved;
  for (auto &n : names)
    moved.push_back(std::move(n));
  names.swap(moved);
  print(names[0]);
}

void rewrittenByIndex(std::vector<std::string> &names) {
  for (auto &n : names)
    consume(std::move(n));
  for (std::size_t i = 0; i < names.size(); ++i)
    names[i] = "fresh";
  print(names.front());
}

struct Batch {
  std::vector<std::string> items_;
  void flush() {
    for (auto &item : items_)
      consume(std::move(item));
    items_.clear();
  }
  void reload();
  void flushAndReload() {
    for (auto &item : items_)
      consume(std::move(item));
    reload(); // may give items_ new elements
    print(items_.front());
  }
  void refill() {
    for (auto &item : items_)
      consume(std::move(item));
    items_.resize(0);
    items_.push_back("x");
    print(items_.back());
  }
};

// Asking for the moved-from state is not a use: a moved-from thread owns
// none, a moved-from smart pointer is null.
void threadsHandedOver(std::vector<std::thread> &threads,
                       std::vector<std::thread> &into) {
  for (auto &t : threads)
    into.push_back(std::move(t));
  for (auto &t : threads)
    if (t.joinable())
      t.join();
}

int pointersTested(std::vector<std::unique_ptr<int>> &ps) {
  for (auto &p : ps)
    take(std::move(p));
  int live = 0;
  for (auto &p : ps)
    if (p)
      ++live;
  return live;
}

#ifdef FEARLESS_RUN
void take(std::unique_ptr<int>) {}
void consume(std::string) {}
void print(const std::string &) {}
bool wanted(const std::string &s) { return s.size() > 1; }
int main() {
  std::vector<std::unique_ptr<int>> ps;
  ps.push_back(std::make_unique<int>(1));
  return pointersRefilled(ps) == 2 ? 0 : 1;
}
#endif
