// The reference into the map is used only while the lock is held.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <unordered_map>
#include <vector>

class Index {
public:
  void addLater(int key, int value) {
    m_.lock();
    std::vector<int> &slot = map_[key];
    slot.push_back(value);
    m_.unlock();
  }
  void add(int key, int value) {
    std::lock_guard<std::mutex> g(m_);
    map_[key].push_back(value);
  }

private:
  std::mutex m_;
  std::unordered_map<int, std::vector<int>> map_;
};

#ifdef FEARLESS_RUN
#include <thread>
int main() {
  Index ix;
  std::thread t([&] {
    for (int i = 0; i < 20000; ++i)
      ix.add(1, i);
  });
  for (int i = 0; i < 20000; ++i)
    ix.addLater(1, i);
  t.join();
}
#endif
