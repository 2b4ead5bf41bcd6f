// More shapes of the thread classes projects write for themselves (see
// thread_class.h): a lambda that calls a member function which runs the
// callable, a constructor that starts the thread itself, a handle kept in a
// std::unique_ptr. Nothing here is annotated.
#pragma once
#include <functional>
#include <memory>
#include <thread>
#include <utility>

/// start() runs a lambda that calls run(), which calls the callable.
class LambdaRunThread {
public:
  explicit LambdaRunThread(std::function<void()> f) : func_(std::move(f)) {}
  ~LambdaRunThread() {
    if (t_.joinable())
      t_.join();
  }
  void start() { t_ = std::thread([this] { run(); }); }
  void join() { t_.join(); }

private:
  void run() { func_(); }
  std::function<void()> func_;
  std::thread t_;
};

/// The constructor calls start(): the object runs from its construction.
/// With \p autostart false, only a later start() starts it. The destructor
/// detaches a thread nobody joined.
class SelfStartingThread {
public:
  explicit SelfStartingThread(std::function<void()> f) : func_(std::move(f)) {
    start();
  }
  SelfStartingThread(std::function<void()> f, bool autostart)
      : func_(std::move(f)) {
    if (autostart)
      start();
  }
  ~SelfStartingThread() {
    if (t_.joinable())
      t_.detach();
  }
  void start() { t_ = std::thread([this] { func_(); }); }
  void join() { t_.join(); }

private:
  std::function<void()> func_;
  std::thread t_;
};

/// The constructor starts the thread in its initializer list; the
/// destructor joins it.
class InitStartedThread {
public:
  explicit InitStartedThread(std::function<void()> f)
      : func_(std::move(f)), t_([this] { func_(); }) {}
  ~InitStartedThread() {
    if (t_.joinable())
      t_.join();
  }
  void join() { t_.join(); }

private:
  std::function<void()> func_;
  std::thread t_;
};

/// The handle is a std::unique_ptr<std::thread>, made by std::make_unique.
class PtrThread {
public:
  explicit PtrThread(std::function<void()> f) : func_(std::move(f)) {}
  ~PtrThread() {
    if (t_ && t_->joinable())
      t_->join();
  }
  void start() { t_ = std::make_unique<std::thread>([this] { func_(); }); }
  void join() { t_->join(); }

private:
  std::function<void()> func_;
  std::unique_ptr<std::thread> t_;
};

/// The handle is a std::unique_ptr<std::thread> reset to a new thread.
class ResetThread {
public:
  explicit ResetThread(std::function<void()> f) : func_(std::move(f)) {}
  ~ResetThread() {
    if (t_ && t_->joinable())
      t_->join();
  }
  void start() { t_.reset(new std::thread([this] { func_(); })); }
  void join() { t_->join(); }

private:
  std::function<void()> func_;
  std::unique_ptr<std::thread> t_;
};

/// A derived class that passes its callable up to the base thread class.
class NamedThread : public LambdaRunThread {
public:
  NamedThread(std::function<void()> f, const char *name)
      : LambdaRunThread(std::move(f)), name_(name) {}
  const char *name() const { return name_; }

private:
  const char *name_;
};

/// A derived class that declares its own start(), which runs the callable
/// on the calling thread: objects of it start no thread.
class InlineThread : public LambdaRunThread {
public:
  explicit InlineThread(std::function<void()> f)
      : LambdaRunThread(f), func_(std::move(f)) {}
  void start() { func_(); }
  void join() {}

private:
  std::function<void()> func_;
};

/// No destructor of its own, so it moves: objects of it can be kept by
/// value in a std::vector (and must be started once they are in place).
class MovableWorker {
public:
  explicit MovableWorker(std::function<void()> f) : func_(std::move(f)) {}
  void start() { t_ = std::thread([this] { func_(); }); }
  void join() { t_.join(); }

private:
  std::function<void()> func_;
  std::thread t_;
};
