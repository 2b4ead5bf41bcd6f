// A thread handed to a local group object whose destructor joins what it
// keeps: the group, declared after what the thread borrows, joins it before
// the borrowed string dies.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <string>
#include <thread>
#include <utility>
#include <vector>
class ThreadGroup {
  std::vector<std::thread> threads_;

public:
  void add(std::thread t) { threads_.push_back(std::move(t)); }
  ~ThreadGroup() { join_all(); }
  void join_all() {
    for (std::thread &t : threads_)
      if (t.joinable())
        t.join();
  }
};
void work(const char *tag);
void run() {
  std::string tag = "a tag longer than the small-string buffer";
  ThreadGroup g;
  g.add(std::thread(work, tag.c_str()));
  g.add(std::thread(work, tag.c_str()));
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <unistd.h>
void work(const char *tag) {
  usleep(10000);
  std::printf("%c\n", tag[0]);
}
int main() { run(); }
#endif
