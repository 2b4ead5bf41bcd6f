// A small stand-in for taskflow's executor and task graphs
// (taskflow/core/executor.hpp, flow_builder.hpp, task.hpp), written for the
// tests: the same names and shapes (tf::Executor::async returning a
// std::future, silent_async, wait_for_all, a destructor that waits;
// tf::Taskflow::emplace returning a tf::Task, or a std::tuple of them for
// several callables; Task::precede/succeed/name; Executor::run, run_n,
// run_until returning a tf::Future<void>, corun): declarations only, and,
// for the tests' programs (FEARLESS_RUN, bench/confirm), a thread per task
// underneath, each started when the tasks before it are done. taskflow
// itself is header-only and not in Debian: a program built with the
// corpus's copy on its include path (`// CONFIRM:
// -I/var/cache/fearless-corpus/src/taskflow`, bench/fetch-corpus) runs the
// real library instead.
#pragma GCC system_header
#ifndef FEARLESS_TEST_TASKFLOW_HPP
#define FEARLESS_TEST_TASKFLOW_HPP

#if defined(FEARLESS_RUN) && __has_include(<taskflow/taskflow.hpp>)
#include <taskflow/taskflow.hpp>
#else
#include <future>
#include <string>
#include <tuple>

#ifndef FEARLESS_RUN
namespace tf {
/// A std::future whose run can be cancelled (taskflow/core/taskflow.hpp).
template <class T> class Future : public std::future<T> {
public:
  Future(Future &&) noexcept;
  ~Future();
  bool cancel();
};

/// A handle to a node of a task graph (taskflow/core/task.hpp).
class Task {
public:
  Task();
  Task(const Task &);
  Task &operator=(const Task &);
  template <class... Ts> Task &precede(Ts &&...tasks);
  template <class... Ts> Task &succeed(Ts &&...tasks);
  Task &name(const std::string &name);
  const std::string &name() const;
  std::size_t num_successors() const;
  std::size_t num_predecessors() const;
};

template <class> using TaskFor = Task;

/// Adds tasks to a graph (taskflow/core/flow_builder.hpp).
class FlowBuilder {
public:
  template <class C> Task emplace(C &&callable) { return Task(); }
  template <class C1, class C2, class... Cs>
  std::tuple<Task, Task, TaskFor<Cs>...> emplace(C1 &&c1, C2 &&c2,
                                                 Cs &&...cs) {
    return {Task(), Task(), TaskFor<Cs>()...};
  }
};

class Taskflow : public FlowBuilder {
public:
  Taskflow();
  Taskflow(const Taskflow &) = delete;
  ~Taskflow();
  std::size_t num_tasks() const;
  bool empty() const;
};

class Executor {
public:
  explicit Executor(unsigned workers = 4);
  Executor(const Executor &) = delete;
  ~Executor(); // calls wait_for_all()
  template <class F> auto async(F &&f) -> std::future<decltype(f())> {
    return {};
  }
  template <class F> void silent_async(F &&f) {}
  Future<void> run(Taskflow &taskflow);
  template <class C> Future<void> run(Taskflow &taskflow, C &&callable) {
    return run(taskflow);
  }
  Future<void> run_n(Taskflow &taskflow, std::size_t n);
  template <class P> Future<void> run_until(Taskflow &taskflow, P &&pred) {
    return run(taskflow);
  }
  void corun(Taskflow &taskflow);
  void wait_for_all();
  unsigned num_workers() const;
};
} // namespace tf
#else
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace tf {

template <class T> class Future : public std::future<T> {
public:
  explicit Future(std::future<T> f) : std::future<T>(std::move(f)) {}
};

class Executor;

/// A node of the graph: its work and the nodes after it.
struct Node {
  std::function<void()> work;
  std::vector<Node *> successors;
  int predecessors = 0;
  std::atomic<int> pending{0};
  std::string name;
};

class Task {
public:
  Task() = default;
  explicit Task(Node *node) : node_(node) {}
  template <class... Ts> Task &precede(Ts &&...tasks) {
    (link(node_, tasks.node_), ...);
    return *this;
  }
  template <class... Ts> Task &succeed(Ts &&...tasks) {
    (link(tasks.node_, node_), ...);
    return *this;
  }
  Task &name(const std::string &name) {
    node_->name = name;
    return *this;
  }
  const std::string &name() const { return node_->name; }

private:
  static void link(Node *from, Node *to) {
    from->successors.push_back(to);
    ++to->predecessors;
  }
  Node *node_ = nullptr;
};

class FlowBuilder {
public:
  template <class C> Task emplace(C &&callable) {
    nodes_.push_back(std::make_unique<Node>());
    nodes_.back()->work = std::forward<C>(callable);
    return Task(nodes_.back().get());
  }
  template <class C1, class C2, class... Cs>
  auto emplace(C1 &&c1, C2 &&c2, Cs &&...cs) {
    return std::make_tuple(emplace(std::forward<C1>(c1)),
                           emplace(std::forward<C2>(c2)),
                           emplace(std::forward<Cs>(cs))...);
  }

protected:
  friend class Executor;
  std::vector<std::unique_ptr<Node>> nodes_;
};

class Taskflow : public FlowBuilder {
public:
  std::size_t num_tasks() const { return nodes_.size(); }
  bool empty() const { return nodes_.empty(); }
};

class Executor {
public:
  explicit Executor(unsigned workers = 4) : workers_(workers) {}
  Executor(const Executor &) = delete;
  ~Executor() { wait_for_all(); }

  /// Runs f on a worker; the future is ready when it has run.
  template <class F> auto async(F &&f) {
    using R = decltype(f());
    std::packaged_task<R()> task(std::forward<F>(f));
    std::future<R> result = task.get_future();
    start(std::thread(std::move(task)));
    return result;
  }

  /// Runs f on a worker, with no future.
  template <class F> void silent_async(F &&f) {
    start(std::thread(std::forward<F>(f)));
  }

  /// Runs the graph: each task on a thread of its own once the tasks
  /// before it are done; the future is ready when all have run.
  Future<void> run(Taskflow &taskflow) {
    auto run = std::make_shared<Run>();
    run->remaining = int(taskflow.nodes_.size());
    std::future<void> done = run->promise.get_future();
    if (taskflow.nodes_.empty()) {
      run->promise.set_value();
      return Future<void>(std::move(done));
    }
    for (auto &node : taskflow.nodes_)
      node->pending = node->predecessors;
    for (auto &node : taskflow.nodes_)
      if (node->predecessors == 0)
        launch(node.get(), run);
    return Future<void>(std::move(done));
  }

  /// Blocks until every task submitted so far has run.
  void wait_for_all() {
    for (;;) {
      std::vector<std::thread> running;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        running.swap(threads_);
      }
      if (running.empty())
        return;
      for (std::thread &t : running)
        t.join();
    }
  }

  unsigned num_workers() const { return workers_; }

private:
  /// One run of a graph: the tasks left, and the promise of its future.
  struct Run {
    std::atomic<int> remaining{0};
    std::promise<void> promise;
  };

  void launch(Node *node, std::shared_ptr<Run> run) {
    start(std::thread([this, node, run] {
      node->work();
      for (Node *next : node->successors)
        if (--next->pending == 0)
          launch(next, run);
      if (--run->remaining == 0)
        run->promise.set_value();
    }));
  }

  void start(std::thread t) {
    std::lock_guard<std::mutex> lock(mutex_);
    threads_.push_back(std::move(t));
  }

  unsigned workers_;
  std::mutex mutex_;
  std::vector<std::thread> threads_;
};

} // namespace tf

#endif // FEARLESS_RUN
#endif // the real taskflow

#endif
