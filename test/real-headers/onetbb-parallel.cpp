// oneTBB's scoped executors against the real Debian headers (libtbb-dev):
// parallel_for and parallel_for_each run the body on several threads at
// once, parallel_invoke runs its functions at the same time as each other,
// task_arena::execute runs its function once while the caller waits,
// parallel_reduce and parallel_scan (the functional forms) run their body
// and reduction on several threads at once (Models/Executors.def,
// FEARLESS_SCOPED_EXECUTOR).
// REQUIRES: onetbb
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <atomic>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_for_each.h>
#include <oneapi/tbb/parallel_invoke.h>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/parallel_scan.h>
#include <oneapi/tbb/task_arena.h>
#include <vector>

int work(int);

long sum_racy(int n) {
  long sum = 0;
  tbb::parallel_for(0, n, [&](int i) { sum += i; }); // expected-warning {{data race on 'sum'}} expected-note {{the same write runs in every thread started here}} expected-note {{help: make 'sum' a std::atomic<long>}}
  return sum;
}

long sum_atomic(int n) {
  std::atomic<long> sum{0};
  tbb::parallel_for(0, n, [&](int i) { sum += i; });
  return sum.load(); // after parallel_for returns
}

int count_racy(const std::vector<int> &v) {
  int even = 0;
  tbb::parallel_for_each(v.begin(), v.end(), [&](int x) {
    if (x % 2 == 0)
      ++even; // expected-warning {{data race on 'even'}} expected-note {{help: make 'even' a std::atomic<int>}}
  }); // expected-note@-3 {{the same write runs in every thread started here}}
  return even;
}

int siblings_racy(int n) {
  int done = 0;
  tbb::parallel_invoke(
      [&] { work(n); done += 1; }, // expected-warning {{data race on 'done'}} expected-note {{help: make 'done' a std::atomic<int>}} expected-note {{one thread is spawned here}}
      [&] { work(n); done += 1; }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  return done;
}

int siblings_disjoint(int n) {
  int left = 0, right = 0;
  tbb::parallel_invoke([&] { left = work(n); }, [&] { right = work(n + 1); });
  return left + right;
}

int in_arena(int n) {
  int total = 0;
  tbb::task_arena arena(4);
  arena.execute([&] { for (int i = 0; i < n; ++i) total += work(i); });
  return total;
}

long reduce_racy(int n) {
  int chunks = 0;
  long sum = tbb::parallel_reduce(
      tbb::blocked_range<int>(0, n), 0L,
      [&](const tbb::blocked_range<int> &r, long acc) {
        ++chunks; // expected-warning {{data race on 'chunks'}} expected-note {{help: make 'chunks' a std::atomic<int>}}
        for (int i = r.begin(); i != r.end(); ++i)
          acc += i;
        return acc;
      },
      [](long a, long b) { return a + b; }); // expected-note@-8 {{the same write runs in every thread started here}}
  return sum + chunks;
}

long reduce_pure(int n) {
  return tbb::parallel_deterministic_reduce(
      tbb::blocked_range<int>(0, n), 0L,
      [](const tbb::blocked_range<int> &r, long acc) {
        for (int i = r.begin(); i != r.end(); ++i)
          acc += i;
        return acc;
      },
      [](long a, long b) { return a + b; });
}

long scan_racy(int n) {
  long widest = 0;
  long last = tbb::parallel_scan( // expected-note {{the same write runs in every thread started here, at the same time}}
      tbb::blocked_range<int>(0, n), 0L,
      [](const tbb::blocked_range<int> &r, long sum, bool) {
        for (int i = r.begin(); i != r.end(); ++i)
          sum += i;
        return sum;
      },
      [&](long left, long right) {
        widest = left + right; // expected-warning {{data race on 'widest'}} expected-note {{help: make 'widest' a std::atomic<long>}}
        return left + right;
      });
  return last + widest;
}

// A body with two call operators: parallel_for calls the range one (the one
// its instantiation uses), not the first declared.
static int unit_calls;
struct TwoOperators {
  std::atomic<long> *hits;
  void operator()(int) const { ++unit_calls; } // not what parallel_for runs
  void operator()(const tbb::blocked_range<int> &r) const { *hits += r.size(); }
};

long range_overload(int n) {
  std::atomic<long> hits{0};
  tbb::parallel_for(tbb::blocked_range<int>(0, n), TwoOperators{&hits});
  return hits.load();
}

static long racy_total;
struct TwoOperatorsRacy {
  void operator()(int) const {}
  void operator()(const tbb::blocked_range<int> &r) const {
    racy_total += r.size(); // expected-warning {{data race on 'racy_total'}} expected-note {{help: make 'racy_total' a std::atomic<long>}}
  }
};

long range_overload_racy(int n) {
  tbb::parallel_for(tbb::blocked_range<int>(0, n), TwoOperatorsRacy{}); // expected-note {{the same write runs in every thread started here}}
  return racy_total;
}
