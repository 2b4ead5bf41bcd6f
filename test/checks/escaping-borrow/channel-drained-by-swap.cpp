// A mailbox whose consumer takes every element at once by swapping the
// member vector with a local (`out.swap(items_)`), and a template one that
// moves the whole member out (`auto out = std::move(items_)`): both are
// channels, and the address of a local put into them is borrowed by the
// consumer thread, which may read it after the sender returned.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
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
    items_.push_back(l); // expected-note {{'put' puts its argument into 'items_', which 'take_all' takes out under the same lock: the value is handed to another thread}}
    cv_.notify_one();
  }
  std::vector<Line *> take_all() { // expected-note {{'take_all' takes the values out of 'items_' here}}
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

template <class T> class Batch {
public:
  void add(T v) {
    std::lock_guard<std::mutex> g(mu_);
    items_.push_back(v); // expected-note {{'add' puts its argument into 'items_', which 'drain' takes out under the same lock: the value is handed to another thread}}
    cv_.notify_one();
  }
  std::vector<T> drain() { // expected-note {{'drain' takes the values out of 'items_' here}}
    std::unique_lock<std::mutex> g(mu_);
    cv_.wait(g, [this] { return !items_.empty(); });
    auto out = std::move(items_);
    items_.clear();
    return out;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<T> items_;
};

void log_warning(Mailbox &mb) {
  Line line;
  line.level = 2;
  mb.put(&line); // expected-warning {{thread may outlive 'line', which it borrows}} expected-note {{the address of 'line' is passed to the thread here}} expected-note {{'put' sends it to the thread that takes it out, and nothing here waits for that thread}}
} // expected-note {{'line' is destroyed here}}

void log_error(Batch<Line *> &b) {
  Line line;
  line.level = 3;
  b.add(&line); // expected-warning {{thread may outlive 'line', which it borrows}} expected-note {{the address of 'line' is passed to the thread here}} expected-note {{'add' sends it to the thread that takes it out, and nothing here waits for that thread}}
} // expected-note {{'line' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
#include <thread>
int main() {
  Mailbox mb;
  Batch<Line *> b;
  std::thread consumer([&] {
    for (Line *l : mb.take_all()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      std::printf("%d\n", l->level);
    }
    for (Line *l : b.drain()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      std::printf("%d\n", l->level);
    }
  });
  log_warning(mb);
  log_error(b);
  consumer.join();
}
#endif
