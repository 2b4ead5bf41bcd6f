// The twin of guarded-written-through-range-for.cpp: the reference to the
// element is used only while the lock is held.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>

struct Slot {
  long hits = 0;
};

class Stats {
public:
  void hit() {
    std::unique_lock<std::mutex> lk(m_);
    Slot &s = slots_[0];
    s.hits++;
    lk.unlock();
  }
  void reset() {
    std::lock_guard<std::mutex> g(m_);
    for (Slot &s : slots_)
      s = Slot{};
  }

private:
  std::mutex m_;
  Slot slots_[2];
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Stats st;
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      st.reset();
  });
  while (!go) {
  }
  for (int i = 0; i < 100000; ++i)
    st.hit();
  t.join();
}
#endif
