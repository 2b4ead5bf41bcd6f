// The twins of ok-in-flight-counter.cpp: stop() closes the socket without
// looking at the counter, and reset() sets the counter to zero, so it
// proves nothing about requests in flight.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <cstddef>
#include <mutex>
#include <thread>

int read_from(int fd);
void pause_a_little();

class Unchecked {
public:
  int get() {
    {
      std::lock_guard<std::mutex> guard(mu_);
      ++in_flight_;
    }
    pause_a_little();
    int n = read_from(sock_); // expected-note {{the other read is here}}
    {
      std::lock_guard<std::mutex> guard(mu_);
      --in_flight_;
    }
    return n;
  }
  void stop() {
    std::lock_guard<std::mutex> guard(mu_); // expected-note {{'u.mu_' is held here, but not at the other access}}
    sock_ = -1; // expected-warning {{data race on 'u.sock_'}} expected-note {{help: hold 'u.mu_' at the other access too}}
  }

private:
  std::mutex mu_;
  std::size_t in_flight_ = 0;
  int sock_ = 3;
};

class Reset {
public:
  int get() {
    {
      std::lock_guard<std::mutex> guard(mu_);
      ++in_flight_;
    }
    pause_a_little();
    int n = read_from(sock_); // expected-note {{the other read is here}}
    {
      std::lock_guard<std::mutex> guard(mu_);
      --in_flight_;
    }
    return n;
  }
  void reset() {
    std::lock_guard<std::mutex> guard(mu_);
    in_flight_ = 0;
  }
  void stop() {
    std::lock_guard<std::mutex> guard(mu_); // expected-note {{'r.mu_' is held here, but not at the other access}}
    if (in_flight_ == 0)
      sock_ = -1; // expected-warning {{data race on 'r.sock_'}} expected-note {{help: hold 'r.mu_' at the other access too}}
  }

private:
  std::mutex mu_;
  std::size_t in_flight_ = 0;
  int sock_ = 3;
};

void run() {
  Unchecked u;
  Reset r;
  std::thread t([&] { // expected-note 2 {{the thread is spawned here}}
    for (int i = 0; i < 1000; ++i) {
      u.get(); // expected-note {{reached through this call}}
      r.get(); // expected-note {{reached through this call}}
    }
  });
  for (int i = 0; i < 1000; ++i) {
    u.stop(); // expected-note {{reached through this call}}
    r.reset();
    r.stop(); // expected-note {{reached through this call}}
  }
  t.join(); // expected-note 2 {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int read_from(int fd) { return fd; }
void pause_a_little() { std::this_thread::yield(); }
int main() { run(); }
#endif
