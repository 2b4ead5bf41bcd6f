// The thread model against the real libstdc++ 12 headers: std::thread,
// std::jthread, std::async and pthreads.
// RUN: %fearless -std=c++20 -pthread -Xclang -verify %s
#include <future>
#include <memory>
#include <pthread.h>
#include <thread>
#include <vector>

void use(int &);
void *worker(void *);

void threadDetached() {
  int a = 0;
  std::thread t([&] { use(a); }); // expected-warning {{thread may outlive 'a'}} expected-note {{captured by reference here}}
  t.detach(); // expected-note {{detached here}}
} // expected-note {{'a' is destroyed here}}

void jthreadScoped() {
  int b = 0;
  std::jthread t([&] { use(b); });
}

void asyncWaited() {
  int c = 0;
  auto f = std::async(std::launch::async, [&] { use(c); });
  f.wait();
}

std::future<void> asyncReturned() {
  int d = 0;
  return std::async(std::launch::async, [&] { use(d); }); // expected-warning {{thread may outlive 'd'}} expected-note {{captured by reference here}} expected-note {{returned here}} expected-note {{'d' is destroyed here}}
}

void pthreadJoined() {
  int e = 0;
  pthread_t t;
  if (pthread_create(&t, nullptr, worker, &e) != 0)
    return;
  pthread_join(t, nullptr);
}

void poolJoined() {
  int f = 0;
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&] { use(f); });
  for (auto &t : pool)
    t.join();
}

void uniquePtrJoined() {
  int g = 0;
  auto t = std::make_unique<std::thread>([&] { use(g); });
  t->join();
}

int earlyReturn(bool fail) {
  std::thread t([] {}); // expected-note {{the thread is started here}}
  if (fail)
    return 1; // expected-warning {{'t' is destroyed while still joinable}}
  t.join(); // expected-note {{joined here, but this path does not reach it}}
  return 0;
}
