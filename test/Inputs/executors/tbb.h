// A small stand-in for oneTBB's parallel algorithms (oneapi/tbb/
// parallel_for.h, parallel_for_each.h, parallel_invoke.h, parallel_reduce.h,
// parallel_scan.h, task_arena.h):
// the same names in the same versioned namespaces as libtbb-dev 2021.8,
// empty bodies. The tests' programs (FEARLESS_RUN, bench/confirm) use the real
// headers instead.
#pragma GCC system_header
#ifndef FEARLESS_TEST_TBB_H
#define FEARLESS_TEST_TBB_H

#ifdef FEARLESS_RUN
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_for_each.h>
#include <oneapi/tbb/parallel_invoke.h>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/parallel_scan.h>
#include <oneapi/tbb/task_arena.h>
#else
namespace tbb {
namespace detail {
class split {};
namespace d1 {
template <class Value> class blocked_range {
public:
  blocked_range(Value begin, Value end, unsigned grainsize = 1);
  Value begin() const;
  Value end() const;
};
template <class Range, class Body>
void parallel_for(const Range &range, const Body &body) {}
template <class Index, class Function>
void parallel_for(Index first, Index last, const Function &f) {}
template <class Index, class Function>
void parallel_for(Index first, Index last, Index step, const Function &f) {}
template <class... Functions> void parallel_invoke(Functions &&...fs) {}
template <class Range, class Body>
void parallel_reduce(const Range &range, Body &body) {}
template <class Range, class Value, class RealBody, class Reduction>
Value parallel_reduce(const Range &range, const Value &identity,
                      const RealBody &real_body, const Reduction &reduction) {
  return identity;
}
template <class Range, class Body>
void parallel_scan(const Range &range, Body &body) {}
template <class Range, class Value, class Scan, class ReverseJoin>
Value parallel_scan(const Range &range, const Value &identity,
                    const Scan &scan, const ReverseJoin &reverse_join) {
  return identity;
}
class task_arena {
public:
  explicit task_arena(int max_concurrency = -1);
  template <class F> auto execute(F &&f) -> decltype(f()) { return f(); }
};
} // namespace d1
namespace d2 {
template <class Iterator, class Body>
void parallel_for_each(Iterator first, Iterator last, const Body &body) {}
} // namespace d2
} // namespace detail
inline namespace v1 {
using detail::d1::blocked_range;
using detail::split;
using detail::d1::parallel_for;
using detail::d1::parallel_invoke;
using detail::d1::parallel_reduce;
using detail::d1::parallel_scan;
using detail::d1::task_arena;
using detail::d2::parallel_for_each;
} // namespace v1
} // namespace tbb
#endif

#endif
