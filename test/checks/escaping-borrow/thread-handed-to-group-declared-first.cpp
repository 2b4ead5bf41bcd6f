// The twin of ok-thread-handed-to-joining-group.cpp: the group is declared
// before the string its threads borrow, so the string dies first, while the
// threads still run.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <string>
#include <thread>
#include <utility>
#include <vector>
class ThreadGroup {
  std::vector<std::thread> threads_;

public:
  void add(std::thread t) { threads_.push_back(std::move(t)); }
  ~ThreadGroup() {
    for (std::thread &t : threads_)
      t.join();
  }
};
void work(const char *tag);
void run() {
  ThreadGroup g; // expected-note {{the thread is still running in 'g', which is destroyed after 'tag'}}
  std::string tag = "a tag longer than the small-string buffer";
  g.add(std::thread(work, tag.c_str())); // expected-warning {{thread may outlive 'tag', which it borrows}} expected-note {{a pointer to what 'tag' owns is passed to the thread here}}
} // expected-note {{'tag' is destroyed here}}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <unistd.h>
void work(const char *tag) {
  usleep(10000);
  std::printf("%c\n", tag[0]);
}
int main() { run(); }
#endif
