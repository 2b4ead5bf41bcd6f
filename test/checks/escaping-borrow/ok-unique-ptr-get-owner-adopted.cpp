// A new user's correct server: the raw pointer of a local unique_ptr goes
// to a detached thread, then the unique_ptr is handed by reference to a
// function that moves it into a registry living for the whole program. A
// local bound to a non-const reference parameter may be given away, so
// its pointer is no borrow (twin: channel-unique-ptr-get-sent.cpp).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address
#include <thread>
#include <memory>
#include <vector>
#include <mutex>
#include <atomic>
struct Conn { std::atomic<int> n{0}; };
std::mutex mu;
std::vector<std::unique_ptr<Conn>> conns;
std::atomic<int> done{0};
void serve(Conn *c) { c->n++; done++; }
void adopt(std::unique_ptr<Conn> &c) { std::lock_guard<std::mutex> g(mu); conns.push_back(std::move(c)); }
void accept() {
  auto c = std::make_unique<Conn>();
  std::thread(serve, c.get()).detach();
  adopt(c);
}
#ifdef FEARLESS_RUN
int main() { accept(); while (done < 1) std::this_thread::yield(); }
#endif
