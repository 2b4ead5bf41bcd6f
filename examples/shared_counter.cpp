// Rust Book 16-13/16-15 in C++: ten threads increment one counter. The
// first version races; the second guards it with a mutex, like Arc<Mutex>.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

int racy() {
  int counter = 0;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] { counter += 1; });
  for (auto &h : handles)
    h.join();
  return counter;
}

int guarded() {
  std::mutex m;
  int counter = 0;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] {
      std::lock_guard<std::mutex> lock(m);
      counter += 1;
    });
  for (auto &h : handles)
    h.join();
  return counter;
}

int main() { std::printf("%d %d\n", racy(), guarded()); }
