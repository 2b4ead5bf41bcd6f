// With UnseenCalleeMoves=true, std::move(x) into a T&& parameter of a
// function whose body is not in the translation unit is a move, as
// clang-tidy's bugprone-use-after-move takes it; by default it is not
// (ok-rvalue-param-unseen-body.cpp).
// RUN: %fearless -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-UnseenCalleeMoves=true
#include <utility>
#include <vector>

struct Row {
  std::vector<int> cells;
  long stamp = 0;
  static Row combine(std::vector<Row> &&rows); // defined in another file
};

long latest() {
  std::vector<Row> rows;
  rows.push_back(Row{{1, 2}, 5});
  Row merged = Row::combine(std::move(rows)); // expected-note {{'rows' of type 'std::vector<Row>' was moved here}} expected-note {{help: move 'rows' only after its last use, or assign it a new value before using it again}}
  rows.push_back(Row{{}, 17}); // expected-warning {{'rows' used after it was moved}} expected-note {{a moved-from 'std::vector<Row>' is in a valid but unspecified state}}
  merged = Row::combine(std::move(rows));
  return merged.stamp;
}
