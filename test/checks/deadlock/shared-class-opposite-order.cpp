// A class marked fearless::shared: its public member functions may be called
// from several threads at once, so two of them taking the same two locks in
// opposite orders may deadlock even though no thread is started here.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %tidy --quiet --checks='-*,fearless-deadlock' %s -- -std=c++17 -nostdinc++ -isystem %mock -I%annotations 2>&1 | FileCheck %s
// CHECK: warning: lock order inversion: 'index_mu_' is locked while 'users_mu_' is held{{.*}}[fearless-deadlock]
#include <fearless/annotations.h>
#include <mutex>
#include <vector>

class FEARLESS_SHARED Directory {
public:
  void add_user(int id) { // expected-note {{'add_user' is a public member function of 'Directory', which is marked fearless::shared: it may be called from several threads at once}}
    std::lock_guard<std::mutex> u(users_mu_); // expected-note {{'users_mu_' is locked here, and still held}}
    users_.push_back(id);
    std::lock_guard<std::mutex> i(index_mu_); // expected-warning {{lock order inversion: 'index_mu_' is locked while 'users_mu_' is held, and another thread may lock them in the opposite order}} expected-note {{help: take 'users_mu_' and 'index_mu_' in the same order everywhere, or both at once with std::scoped_lock}}
    index_.push_back(id);
  }
  void rebuild_index() { // expected-note {{'rebuild_index' is a public member function of 'Directory', which is marked fearless::shared: it may be called from several threads at once}}
    std::lock_guard<std::mutex> i(index_mu_); // expected-note {{'index_mu_' is locked here, and still held}}
    std::lock_guard<std::mutex> u(users_mu_); // expected-note {{the other thread locks 'users_mu_' here while holding 'index_mu_'}}
    index_ = users_;
  }

private:
  std::mutex users_mu_, index_mu_;
  std::vector<int> users_, index_;
};

#ifdef FEARLESS_RUN
#include <thread>
// Both orders on two threads, one after the other: ThreadSanitizer reports
// the inversion (lock-order-inversion) without the program hanging.
int main() {
  Directory d;
  std::thread([&] { d.add_user(1); }).join();
  std::thread([&] { d.rebuild_index(); }).join();
}
#endif
