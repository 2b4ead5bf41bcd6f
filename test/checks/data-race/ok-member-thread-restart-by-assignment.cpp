// Replacing a std::jthread member joins the thread it held: what reset()
// writes after that no longer runs beside the old thread.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

class Sampler {
public:
  void start() {
    worker_ = std::jthread([this](std::stop_token st) {
      while (!st.stop_requested())
        total_ += rate_;
    });
  }
  void reset(int rate) {
    worker_ = std::jthread();
    rate_ = rate;
    total_ = 0;
    start();
  }

private:
  int rate_ = 1;
  long total_ = 0;
  std::jthread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Sampler s;
  s.start();
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    s.reset(i);
  }
}
#endif
