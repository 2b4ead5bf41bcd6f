#include <thread>
#include <vector>
int count() {
  int counter = 0;
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&] { counter += 1; });
  for (auto &t : pool)
    t.join();
  return counter;
}
