// A thread stored in a member outlives the member function's locals.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

class Service {
public:
  void start() {
    int port = 8080;
    worker_ = std::thread([&] { listen(port); }); // expected-warning {{thread may outlive 'port'}} expected-note {{captured by reference here}} expected-note {{the thread's handle is stored in 'worker_' here, which outlives this scope}} expected-note {{capture 'port' by copy}}
  } // expected-note {{'port' is destroyed here}}
  ~Service() { worker_.join(); }

private:
  void listen(int);
  std::thread worker_;
};
