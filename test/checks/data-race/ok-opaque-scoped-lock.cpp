// Regression (real code, docs/real-world.md): a guard that locks in an out-of-line function of a mutex-like class is not recognised (suggest: treat a nested scoped_lock of a class named *mutex*, or honour thread-safety attributes)
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
class QueuingMutex {
public:
  class scoped_lock {
    QueuingMutex *m = nullptr;
  public:
    explicit scoped_lock(QueuingMutex &mu) { acquire(mu); }
    void acquire(QueuingMutex &mu); // defined in the library (libtbb): opaque here
    void release();                 // ditto
    ~scoped_lock() { if (m) release(); }
  };
};
QueuingMutex mu;
int counter;
void bump() {
  QueuingMutex::scoped_lock lock(mu);
  counter = counter + 1;
  lock.release();
}
void run() {
  std::thread a(bump), b(bump);
  a.join(); b.join();
}
