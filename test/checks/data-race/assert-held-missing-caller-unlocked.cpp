// The twin of ok-assert-held-by-caller.cpp: the member function makes no
// assertion and its caller does not hold the mutex; the thread's write
// under the mutex races with the unlocked read.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
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
  int StartRecovery() {
    recovery_ = std::thread(&ErrorHandler::Recover, this); // expected-note {{the thread is spawned here}}
    return error_; // expected-note {{the other read is here}}
  }

private:
  void Recover() {
    MutexLock l(mu_); // expected-note {{'*mu_' is held here, but not at the other access}}
    error_ = 0; // expected-warning {{data race on 'error_'}} expected-note {{help: hold '*mu_' at the other access too}}
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
  int e = h.StartRecovery();
  return e > 1;
}
#endif
