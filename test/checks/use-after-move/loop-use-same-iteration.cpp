// A value moved in a loop and used both later in the same iteration and at
// the top of the next: the use reported is the one met first after the
// move, in the same iteration. (size(), not empty(): empty() only asks
// for the moved-from state, see ok-moved-from-state-queries.cpp.)
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <utility>
#include <vector>
void drain(std::vector<int> &&v) { std::vector<int> taken(std::move(v)); }
void fill(int rounds) {
  std::vector<int> src;
  for (int i = 0; i < rounds; ++i) {
    src.push_back(i);
    drain(std::move(src)); // expected-note {{'src' of type 'std::vector<int>' was moved here}} expected-note {{help: move 'src' only after its last use, or assign it a new value before using it again}}
    auto left = src.size(); // expected-warning {{'src' used after it was moved}} expected-note {{a moved-from 'std::vector<int>' is in a valid but unspecified state}}
    (void)left;
  }
}
