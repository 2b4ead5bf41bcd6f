// fearless example: a detached thread borrowing a local (Rust's E0373).
#include <cstdio>
#include <thread>
#include <vector>

void report(const std::vector<int> &values) { std::printf("%zu\n", values.size()); }

void startReporter() {
  std::vector<int> values = {1, 2, 3};
  std::thread reporter([&] { report(values); });
  reporter.detach(); // the thread may still run when 'values' is destroyed
}

int main() { startReporter(); }
