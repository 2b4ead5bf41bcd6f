// The std::jthread is declared last: it joins before the data it uses is
// destroyed.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <thread>
#include <vector>

class Sampler {
  std::vector<int> samples_;
  std::jthread worker_;

public:
  void start() {
    worker_ = std::jthread([this](std::stop_token st) {
      while (!st.stop_requested())
        samples_.push_back(1);
    });
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 20; ++i) {
    Sampler s;
    s.start();
  }
}
#endif
