// fearless example: an early return leaves a std::thread joinable, and its
// destructor calls std::terminate.
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
