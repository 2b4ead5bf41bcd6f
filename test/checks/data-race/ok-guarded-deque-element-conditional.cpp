// A new user's correct getter: `i < n ? &slots_[i] : nullptr` under the lock,
// while the only other write is a deque push_back, which keeps references
// to the existing elements valid (Models/Containers.def): the arm keeps
// what its own form, `&slots_[i]`, keeps.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <deque>
#include <mutex>
#include <thread>
struct Slot { int prio; };
class Slots {
public:
  const Slot *at(size_t i) const {
    std::lock_guard<std::mutex> g(m_);
    return i < slots_.size() ? &slots_[i] : nullptr;
  }
  void add(int p) { std::lock_guard<std::mutex> g(m_); slots_.push_back(Slot{p}); }
private:
  mutable std::mutex m_;
  std::deque<Slot> slots_;
};
Slots sl;
#ifdef FEARLESS_RUN
int main() {
  sl.add(1);
  std::thread w([] { for (int i = 0; i < 300; ++i) sl.add(i); });
  long s = 0;
  for (int i = 0; i < 300; ++i) if (const Slot *p = sl.at(0)) s += p->prio;
  w.join();
  return s == 300 ? 0 : 1;
}
#endif
