// A std::jthread member declared before the data its worker uses: the data
// is destroyed first, and the jthread joins only afterwards.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: thread
#include <thread>
#include <vector>

class Sampler {
  std::jthread worker_; // expected-note {{declare 'worker_' after the members its thread uses, or stop and join the thread in the destructor}}
  std::vector<int> samples_; // expected-note {{'samples_' is declared after 'worker_', so it is destroyed before 'worker_' joins the thread}}

public:
  void start() {
    worker_ = std::jthread([this](std::stop_token st) { // expected-note {{the thread is started here and kept in 'worker_', a std::jthread that joins it only when 'worker_' is destroyed}}
      while (!st.stop_requested())
        samples_.push_back(1); // expected-warning {{the thread may use 'samples_' after it is destroyed}}
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
