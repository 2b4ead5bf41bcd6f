// The twin of ok-user-mutex-members-out-of-line.cpp: the spawning function
// bumps the counter without taking the user mutex the thread takes.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
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
} // namespace port

struct Counter {
  port::Mutex mu;
  int n = 0;
};

int unlocked_side() {
  Counter c;
  std::thread t([&] { // expected-note {{the thread is spawned here}}
    c.mu.Lock(); // expected-note {{'c.mu' is held here, but not at the other access}}
    ++c.n; // expected-warning {{data race on 'c.n'}} expected-note {{help: hold 'c.mu' at the other access too}}
    c.mu.Unlock();
  });
  ++c.n; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return c.n;
}

#ifdef FEARLESS_RUN
namespace port {
Mutex::Mutex() { pthread_mutex_init(&mu_, nullptr); }
Mutex::~Mutex() { pthread_mutex_destroy(&mu_); }
void Mutex::Lock() { pthread_mutex_lock(&mu_); }
void Mutex::Unlock() { pthread_mutex_unlock(&mu_); }
} // namespace port
int main() { return unlocked_side() != 2; }
#endif
