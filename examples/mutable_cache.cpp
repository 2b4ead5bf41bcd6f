// Sync in C++: a class with a mutable cache written by a const member is not
// safe to share between threads (Rust's Cell is !Sync).
#include <cstdio>
#include <thread>

class Config {
public:
  int get() const {
    if (!cached_)
      cached_ = load();
    return cached_;
  }

private:
  static int load() { return 42; }
  mutable int cached_ = 0;
};

int main() {
  Config config;
  std::thread reader([&config] { std::printf("%d\n", config.get()); });
  std::printf("%d\n", config.get());
  reader.join();
}
