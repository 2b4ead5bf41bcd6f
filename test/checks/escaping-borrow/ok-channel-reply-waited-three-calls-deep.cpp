// A request sent as the address of a local through a mailbox, and the
// sender waits for the reply three calls down (await_reply -> await_impl ->
// block_until -> a condition-variable wait) before the local dies: a wait
// by hand, followed three calls deep (ok-channel-reply-received.cpp is one).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <mutex>
#include <condition_variable>
#include <vector>
#include <thread>
template <class T> class Mailbox {
public:
  void put(T v) { std::lock_guard<std::mutex> g(mu_); items_.push_back(v); cv_.notify_one(); }
  std::vector<T> take_all() {
    std::unique_lock<std::mutex> g(mu_);
    cv_.wait(g, [&] { return !items_.empty(); });
    std::vector<T> out; out.swap(items_); return out;
  }
private:
  std::mutex mu_; std::condition_variable cv_; std::vector<T> items_;
};
struct Req { int in = 0, out = 0; bool done = false; std::mutex m; std::condition_variable cv; };
Mailbox<Req *> box;
void block_until(Req &r) { std::unique_lock<std::mutex> g(r.m); r.cv.wait(g, [&] { return r.done; }); }
void await_impl(Req &r) { block_until(r); }
void await_reply(Req &r) { await_impl(r); }
int ask(int x) {
  Req r; r.in = x;
  box.put(&r);
  await_reply(r);
  return r.out;
}
#ifdef FEARLESS_RUN
int main() {
  std::thread srv([] { for (Req *r : box.take_all()) { std::lock_guard<std::mutex> g(r->m); r->out = r->in * 2; r->done = true; r->cv.notify_one(); } });
  int v = ask(21);
  srv.join();
  return v == 42 ? 0 : 1;
}
#endif
