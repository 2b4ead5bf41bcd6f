// The twin of channel-drained-by-swap.cpp: the same mailbox, but what is
// put into it is allocated and owned by the consumer, which deletes it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <condition_variable>
#include <mutex>
#include <utility>
#include <vector>

struct Line {
  int level = 0;
};

class Mailbox {
public:
  void put(Line *l) {
    std::lock_guard<std::mutex> g(mu_);
    items_.push_back(l);
    cv_.notify_one();
  }
  std::vector<Line *> take_all() {
    std::vector<Line *> out;
    std::unique_lock<std::mutex> g(mu_);
    cv_.wait(g, [this] { return !items_.empty(); });
    out.swap(items_);
    return out;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Line *> items_;
};

void log_warning(Mailbox &mb) {
  Line *line = new Line;
  line->level = 2;
  mb.put(line);
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
#include <thread>
int main() {
  Mailbox mb;
  std::thread consumer([&] {
    for (Line *l : mb.take_all()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      std::printf("%d\n", l->level);
      delete l;
    }
  });
  log_warning(mb);
  consumer.join();
}
#endif
