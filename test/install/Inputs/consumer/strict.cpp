#include <fearless/annotations.h>
#include <mutex>
#include <thread>
struct FEARLESS_SYNC Stats {
  mutable std::mutex m;
  long hits = 0;
};
int main() {
  Stats stats;
  std::thread t([&] {
    std::lock_guard<std::mutex> lock(stats.m);
    ++stats.hits;
  });
  t.join();
  return stats.hits == 1 ? 0 : 1;
}
