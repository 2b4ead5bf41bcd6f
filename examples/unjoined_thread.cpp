// Rust Book 16-1 in C++: a thread nobody waits for. Rust cuts it short when
// main returns; C++ calls std::terminate when its std::thread is destroyed
// while joinable — here on the early-return path.
#include <thread>

bool loadConfig();
void warmCache();

int serve() {
  std::thread warmer(warmCache);
  if (!loadConfig())
    return 1; // 'warmer' is destroyed while joinable here
  warmer.join();
  return 0;
}
