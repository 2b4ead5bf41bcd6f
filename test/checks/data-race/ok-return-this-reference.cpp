// A chaining setter returns `*this` by reference: returning binds the
// reference and reads nothing; the accesses are the later ones through it.
// The server's socket is an atomic the stopper exchanges (cpp-httplib's
// `svr.set_address_family(AF_UNIX).listen(...)` against `svr.stop()`).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: thread
#include <atomic>
#include <thread>

class Server {
public:
  Server &set_family(int family) {
    family_ = family;
    return *this;
  }
  bool listen() {
    while (sock_.load() >= 0) {
    }
    return family_ != 0;
  }
  void stop() { sock_.exchange(-1); }

private:
  std::atomic<int> sock_{0};
  int family_ = 0;
};

int serve() {
  Server svr;
  std::thread t([&] { svr.set_family(1).listen(); });
  svr.stop();
  t.join();
  return 0;
}

#ifdef FEARLESS_RUN
int main() { return serve(); }
#endif
