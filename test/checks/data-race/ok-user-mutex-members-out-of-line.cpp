// A user mutex that carries its own pthread state and whose members are
// named Lock()/Unlock() and ReadLock()/WriteLock(), defined in another
// translation unit (rocksdb's port::Mutex and port::RWMutex, with their RAII
// MutexLock/ReadLock/WriteLock): calling them takes and releases the mutex,
// directly or through the guards (issue 13, class D).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <pthread.h>
#include <thread>

namespace port {
class Mutex {
public:
  Mutex();
  ~Mutex();
  void Lock();
  void Unlock();

private:
  pthread_mutex_t mu_;
};
class RWMutex {
public:
  RWMutex();
  ~RWMutex();
  void ReadLock();
  void WriteLock();
  void ReadUnlock();
  void WriteUnlock();

private:
  pthread_mutex_t mu_; // a reader-writer lock in rocksdb; one mutex here
};
} // namespace port

class WriteLock {
public:
  explicit WriteLock(port::RWMutex *mu) : mu_(mu) { this->mu_->WriteLock(); }
  ~WriteLock() { this->mu_->WriteUnlock(); }

private:
  port::RWMutex *const mu_;
};
class ReadLock {
public:
  explicit ReadLock(port::RWMutex *mu) : mu_(mu) { this->mu_->ReadLock(); }
  ~ReadLock() { this->mu_->ReadUnlock(); }

private:
  port::RWMutex *const mu_;
};

struct Counter {
  port::Mutex mu;
  int n = 0;
};
struct Table {
  port::RWMutex mu;
  int size = 0;
};

int direct() {
  Counter c;
  std::thread t([&] {
    c.mu.Lock();
    ++c.n;
    c.mu.Unlock();
  });
  c.mu.Lock();
  ++c.n;
  c.mu.Unlock();
  t.join();
  return c.n;
}

int guards() {
  Table tab;
  std::thread t([&] {
    WriteLock l(&tab.mu);
    ++tab.size;
  });
  int seen;
  {
    ReadLock l(&tab.mu);
    seen = tab.size;
  }
  t.join();
  return seen + tab.size;
}

#ifdef FEARLESS_RUN
// "Another translation unit".
namespace port {
Mutex::Mutex() { pthread_mutex_init(&mu_, nullptr); }
Mutex::~Mutex() { pthread_mutex_destroy(&mu_); }
void Mutex::Lock() { pthread_mutex_lock(&mu_); }
void Mutex::Unlock() { pthread_mutex_unlock(&mu_); }
RWMutex::RWMutex() { pthread_mutex_init(&mu_, nullptr); }
RWMutex::~RWMutex() { pthread_mutex_destroy(&mu_); }
void RWMutex::ReadLock() { pthread_mutex_lock(&mu_); }
void RWMutex::WriteLock() { pthread_mutex_lock(&mu_); }
void RWMutex::ReadUnlock() { pthread_mutex_unlock(&mu_); }
void RWMutex::WriteUnlock() { pthread_mutex_unlock(&mu_); }
} // namespace port
int main() { return direct() != 2 || guards() > 2; }
#endif
