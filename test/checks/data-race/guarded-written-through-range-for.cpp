// The only write of the member under its lock goes through a range-for
// reference (`for (Slot &s : slots_) s = Slot{};`): that writes the
// member's elements, so the member is guarded, and a reference to one of
// them used after unlock() races with it.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <mutex>

struct Slot {
  long hits = 0;
};

class Stats {
public:
  void hit() {
    std::unique_lock<std::mutex> lk(m_); // expected-note {{'m_' is locked here}}
    Slot &s = slots_[0]; // expected-note {{the reference to 'slots_' is taken here, while 'm_' is held}}
    lk.unlock(); // expected-note {{'m_' is released here}}
    s.hits++; // expected-warning {{reference to 'slots_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the reference, or copy what it refers to before 'm_' is released}}
  }
  void reset() {
    std::lock_guard<std::mutex> g(m_);
    for (Slot &s : slots_)
      s = Slot{}; // expected-note {{'slots_' is written here, under 'm_', possibly at the same time}}
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
