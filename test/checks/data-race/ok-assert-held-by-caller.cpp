// A member function its callers call with the class's mutex held, saying
// so with mu_->AssertHeld() (rocksdb's ErrorHandler with InstrumentedMutex,
// absl::Mutex::AssertHeld without its attribute): from the assertion on, its
// accesses are under that mutex, like -Wthread-safety's assert_capability.
// The thread it starts takes the same mutex (issue 13).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <pthread.h>
#include <thread>

class Mutex {
public:
  Mutex();
  ~Mutex();
  void Lock();
  void Unlock();
  void AssertHeld();

private:
  pthread_mutex_t mu_;
};

class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { this->mu_->Lock(); }
  ~MutexLock() { this->mu_->Unlock(); }

private:
  Mutex *const mu_;
};

class ErrorHandler {
public:
  explicit ErrorHandler(Mutex *mu) : mu_(mu) {}
  ~ErrorHandler() {
    if (recovery_.joinable())
      recovery_.join();
  }
  // Called with *mu_ held.
  int StartRecovery() {
    mu_->AssertHeld();
    recovery_ = std::thread(&ErrorHandler::Recover, this);
    return error_;
  }

private:
  void Recover() {
    MutexLock l(mu_);
    error_ = 0;
  }
  Mutex *mu_;
  int error_ = 1;
  std::thread recovery_;
};

#ifdef FEARLESS_RUN
Mutex::Mutex() { pthread_mutex_init(&mu_, nullptr); }
Mutex::~Mutex() { pthread_mutex_destroy(&mu_); }
void Mutex::Lock() { pthread_mutex_lock(&mu_); }
void Mutex::Unlock() { pthread_mutex_unlock(&mu_); }
void Mutex::AssertHeld() {}
int main() {
  Mutex mu;
  ErrorHandler h(&mu);
  mu.Lock();
  int e = h.StartRecovery();
  mu.Unlock();
  return e > 1;
}
#endif
