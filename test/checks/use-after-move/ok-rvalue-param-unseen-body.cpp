// Regression (real code, issue 13: rocksdb's cassandra_row_merge_test.cc
// passes a vector to a static `Merge(std::vector<RowValue> &&)` whose body
// is in another .cc, then appends to the vector and merges again; named
// combine here, as a member named merge is a conditional consumer in
// Models/Moves.def): FP:
// whether a T&& callee whose body is not in the translation unit moves its
// argument is not visible, so it is not a move by default (the Static
// Analyzer's cplusplus.Move reports only a move it sees). The option
// UnseenCalleeMoves asks for clang-tidy's behaviour:
// rvalue-param-unseen-body-option.cpp. A library's T&& parameter
// (std::vector::push_back) stays a move: rvalue-param-consumed.cpp.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
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
  Row merged = Row::combine(std::move(rows));
  rows.push_back(Row{{}, 17}); // what combine left, plus a newer row
  merged = Row::combine(std::move(rows));
  return merged.stamp;
}

#ifdef FEARLESS_RUN
#include <algorithm>
Row Row::combine(std::vector<Row> &&rows) {
  std::sort(rows.begin(), rows.end(),
            [](const Row &a, const Row &b) { return a.stamp < b.stamp; });
  return rows.empty() ? Row{} : rows.back();
}
int main() { return latest() == 17 ? 0 : 1; }
#endif
