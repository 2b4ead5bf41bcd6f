// A reference into the map is taken under the lock and used after unlock():
// another thread appends to the same vector under the lock at the same time
// (Rust: the borrow would outlive its MutexGuard, E0505).
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <mutex>
#include <unordered_map>
#include <vector>

class Index {
public:
  void addLater(int key, int value) {
    m_.lock(); // expected-note {{'m_' is locked here}}
    std::vector<int> &slot = map_[key]; // expected-note {{the reference to 'map_' is taken here, while 'm_' is held}}
    m_.unlock(); // expected-note {{'m_' is released here}}
    slot.push_back(value); // expected-warning {{reference to 'map_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the reference, or copy what it refers to before 'm_' is released}}
  }
  void add(int key, int value) {
    std::lock_guard<std::mutex> g(m_);
    map_[key].push_back(value); // expected-note {{'map_' is written here, under 'm_', possibly at the same time}}
  }

private:
  std::mutex m_;
  std::unordered_map<int, std::vector<int>> map_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Index ix;
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 20000; ++i)
      ix.add(1, i);
  });
  while (!go) {
  }
  for (int i = 0; i < 20000; ++i)
    ix.addLater(1, i);
  t.join();
}
#endif
