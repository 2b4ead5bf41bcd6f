// The lookup of guarded-find-returns-element-pointer.cpp written as one
// conditional expression (`it == end ? nullptr : &it->second`, whose
// temporary end() iterator wraps the return value in cleanups): either arm
// may be the pointer returned.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <mutex>
#include <unordered_map>

struct Entry {
  int value = 0;
};

class Cache {
public:
  const Entry *lookup(int key) const {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    auto it = map_.find(key); // expected-note {{the iterator to 'map_' is taken here, while 'm_' is held}}
    return it == map_.end() ? nullptr : &it->second; // expected-warning {{pointer to 'map_' escapes the lock 'm_' that guards it}} expected-note {{help: return a copy, made while 'm_' is held, instead of a pointer}}
  } // expected-note {{'m_' is released here, when 'lookup' returns}}
  void update(int key, int v) {
    std::lock_guard<std::mutex> g(m_);
    map_[key].value = v; // expected-note {{'map_' is written here, under 'm_', possibly at the same time}}
  }

private:
  mutable std::mutex m_;
  std::unordered_map<int, Entry> map_;
};

int valueOf(const Cache &c, int key) {
  const Entry *e = c.lookup(key); // expected-note {{'lookup' is called here: the caller uses the pointer after 'm_' is released}}
  return e ? e->value : -1;
}

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Cache c;
  c.update(1, 0);
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      c.update(1, i);
  });
  while (!go) {
  }
  long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += valueOf(c, 1);
  t.join();
  return n == 7;
}
#endif
