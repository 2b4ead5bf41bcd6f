// A mutable cache written only while the class's own mutex is locked (no
// thread-safety attributes) is synchronized: the class stays Sync.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <map>
#include <mutex>
#include <string>
#include <thread>
class Cache {
  mutable std::mutex m;
  mutable std::map<int, std::string> memo;
  mutable int misses = 0;

public:
  std::string get(int key) const {
    std::lock_guard<std::mutex> lock(m);
    std::string &slot = memo[key];
    if (slot.empty()) {
      slot = std::to_string(key);
      ++misses;
    }
    return slot;
  }
  int missCount() const {
    m.lock();
    int n = misses;
    m.unlock();
    return n;
  }
};
void use(const std::string &);
void share(const Cache &cache) {
  std::thread a([&cache] { use(cache.get(1)); });
  std::thread b([&cache] { use(cache.get(2)); });
  a.join();
  b.join();
}
