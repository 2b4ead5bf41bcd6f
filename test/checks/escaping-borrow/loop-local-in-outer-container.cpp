// Each iteration's local dies while the thread in the outer container runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

void process(int);

void perIteration() {
  std::vector<std::thread> pool; // expected-note {{the thread is still running in 'pool', which is destroyed after 'item'}}
  for (int i = 0; i < 4; ++i) {
    int item = i * 2;
    pool.emplace_back([&] { process(item); }); // expected-warning {{thread may outlive 'item'}} expected-note {{captured by reference here}}  expected-note {{capture 'item' by copy}}
  } // expected-note {{'item' is destroyed here}}
  for (auto &t : pool)
    t.join();
}
