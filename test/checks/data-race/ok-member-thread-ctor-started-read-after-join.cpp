// Workers started in the constructor push into a member; count() reads it
// only after join() has joined them all (the workers' own write/write race
// is not part of this test: each pushes under the lock).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <thread>
#include <vector>

class Crunch {
public:
  explicit Crunch(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back(&Crunch::work, this, i);
  }
  ~Crunch() { join(); }
  void join() {
    for (std::thread &t : workers_)
      if (t.joinable())
        t.join();
  }
  unsigned long count() const { return results_.size(); }

private:
  void work(int id) {
    for (int k = 0; k < 100; ++k) {
      std::lock_guard<std::mutex> g(m_);
      results_.push_back(id * 1000 + k);
    }
  }
  std::mutex m_;
  std::vector<int> results_;
  std::vector<std::thread> workers_;
};

unsigned long crunch() {
  Crunch c(4);
  c.join();
  return c.count();
}

#ifdef FEARLESS_RUN
int main() { return crunch() != 400; }
#endif
