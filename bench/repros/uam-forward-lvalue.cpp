// EXPECT: none
// FOUND IN: onetbb src/tbb/concurrent_monitor.h:261 (Pred = delegate_base&)
// VERDICT: FP: std::forward<P&>(x) is an lvalue, nothing is moved
#include <utility>
struct Pred { bool operator()() const; };
template <class P> bool call(P &&p) { return p(); }
template <class P> void waitUntil(P &&pred) {
  while (!call(std::forward<P>(pred))) {} // P = Pred&: forward yields an lvalue
}
void f(Pred &p) { waitUntil(p); }
