// The twin of ok-loop-runs-at-least-once.cpp: a signed `n < (1 << i)` is
// false on entry when i is 31 (1 << 31 is INT_MIN), and `n < k` with an
// unknown k may be too, so the path that skips the inner loop reaches the
// move again with the pointer moved away, and dereferences it.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <memory>
#include <utility>
#include <vector>

void levels(int L, int k, std::vector<std::unique_ptr<int>> &out) {
  auto current = std::make_unique<int>(0);
  for (int i = 0; i < L; i++) {
    for (int n = 0; n < k; n++) {
      if (n == 0)
        current = std::make_unique<int>(i);
    }
    *current += 1; // expected-warning {{'current' used after it was moved}} expected-note {{null}}
    out.push_back(std::move(current)); // expected-note {{was moved here}} expected-note {{help:}}
  }
}

#ifdef FEARLESS_RUN
int main() {
  std::vector<std::unique_ptr<int>> out;
  levels(2, 0, out);
}
#endif
