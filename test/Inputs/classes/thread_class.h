// Thread classes of the kind projects write for themselves (muduo's Thread,
// a pool's Worker): the constructor stores the callable, start() starts a
// thread that runs it, join() joins it. Nothing here is annotated; fearless
// infers what each member does from its body (ThreadWrappers.h,
// ThreadClass).
#pragma once
#include <functional>
#include <pthread.h>
#include <thread>
#include <utility>

/// A std::thread inside; the destructor detaches a thread nobody joined.
class StdThread {
public:
  explicit StdThread(std::function<void()> f) : func_(std::move(f)) {}
  ~StdThread() {
    if (t_.joinable())
      t_.detach();
  }
  void start() { t_ = std::thread([this] { func_(); }); }
  void join() { t_.join(); }

private:
  std::function<void()> func_;
  std::thread t_;
};

/// pthreads inside, the callable copied into the data the thread is given
/// (muduo::Thread); the destructor detaches a thread nobody joined.
class PosixThread {
public:
  explicit PosixThread(std::function<void()> f) : func_(std::move(f)) {}
  ~PosixThread() {
    if (started_ && !joined_)
      pthread_detach(tid_);
  }
  void start() {
    started_ = true;
    Data *d = new Data{func_};
    pthread_create(&tid_, nullptr, &entry, d);
  }
  int join() {
    joined_ = true;
    return pthread_join(tid_, nullptr);
  }

private:
  struct Data {
    std::function<void()> func;
  };
  static void *entry(void *p) {
    Data *d = static_cast<Data *>(p);
    d->func();
    delete d;
    return nullptr;
  }
  std::function<void()> func_;
  pthread_t tid_ = 0;
  bool started_ = false;
  bool joined_ = false;
};

/// A std::thread inside, joined by the destructor.
class JoiningThread {
public:
  explicit JoiningThread(std::function<void()> f) : func_(std::move(f)) {}
  ~JoiningThread() { stop(); }
  void start() { t_ = std::thread(&JoiningThread::run, this); }
  void stop() {
    if (t_.joinable())
      t_.join();
  }

private:
  void run() { func_(); }
  std::function<void()> func_;
  std::thread t_;
};
