// Regression (cpp-httplib ClientImpl::stop, docs/real-world.md): a request
// counts itself in under socket_mutex_, releases it, reads the socket, and
// counts itself out under the mutex; stop() closes the socket (writes it)
// only where it saw the counter zero, under the same mutex. Either stop()'s
// critical section comes before the count-in or after the count-out, and in
// between the counter is not zero: the write and the read are ordered.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <cstddef>
#include <mutex>
#include <thread>

int read_from(int fd);

class Client {
public:
  int get() {
    {
      std::lock_guard<std::mutex> guard(socket_mutex_);
      if (sock_ < 0)
        sock_ = 3;
      socket_requests_in_flight_ += 1;
    }
    int n = read_from(sock_);
    {
      std::lock_guard<std::mutex> guard(socket_mutex_);
      socket_requests_in_flight_ -= 1;
      if (socket_requests_in_flight_ == 0 && close_when_done_) {
        sock_ = -1;
        close_when_done_ = false;
      }
    }
    return n;
  }
  void stop() {
    std::lock_guard<std::mutex> guard(socket_mutex_);
    if (socket_requests_in_flight_ > 0) {
      close_when_done_ = true;
      return;
    }
    close_socket();
  }

private:
  void close_socket() { sock_ = -1; }
  std::mutex socket_mutex_;
  std::size_t socket_requests_in_flight_ = 0;
  bool close_when_done_ = false;
  int sock_ = -1;
};

void run() {
  Client c;
  std::thread t([&] {
    for (int i = 0; i < 1000; ++i)
      c.get();
  });
  for (int i = 0; i < 1000; ++i)
    c.stop();
  t.join();
}

#ifdef FEARLESS_RUN
int read_from(int fd) { return fd; }
int main() { run(); }
#endif
