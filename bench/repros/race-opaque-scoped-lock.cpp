// EXPECT: none
// FOUND IN: onetbb test/conformance/conformance_mutex.h:40 (M::scoped_lock lock(counter.mutex); ... lock.release(); with TBB mutexes whose acquire is out of line, e.g. queuing_mutex -> r1::acquire)
// VERDICT: FP: a guard that locks in an out-of-line function of a mutex-like class is not recognised (suggest: treat a nested scoped_lock of a class named *mutex*, or honour thread-safety attributes)
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
