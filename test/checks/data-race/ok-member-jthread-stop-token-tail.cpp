// A std::jthread worker leaves its loop only when its stop token is
// signalled, which happens when the jthread member is destroyed or
// replaced: the setter of the exit code it reads afterwards never runs
// beside that call. (Reduced from BS::thread_pool built as C++20.)
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <utility>

void log(int);

class Worker {
public:
  Worker() : thread_([this](std::stop_token st) { work(st); }) {}
  template <class T> void set_exit_code(T code) { exit_code_ = code; }

private:
  void work(const std::stop_token &st) {
    while (true) {
      if (st.stop_requested())
        break;
      std::this_thread::yield();
    }
    log(exit_code_);
  }
  int exit_code_ = 0;
  std::jthread thread_;
};

void configure(Worker &w) { w.set_exit_code(3); }

#ifdef FEARLESS_RUN
int logged = -1;
void log(int code) { logged = code; }
int main() {
  {
    Worker w;
    configure(w);
  }
  return logged != 3;
}
#endif
