// A small stand-in for Boost.Asio's thread_pool, io_context and post/
// dispatch/defer (boost/asio/*.hpp): the same names and shapes, empty bodies
// for the templates.
// The tests' programs (FEARLESS_RUN, bench/confirm) use the real headers
// instead.
#pragma GCC system_header
#ifndef FEARLESS_TEST_ASIO_H
#define FEARLESS_TEST_ASIO_H

#ifdef FEARLESS_RUN
#include <boost/asio/defer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#else
namespace boost {
namespace asio {
class execution_context {};
class thread_pool : public execution_context {
public:
  class executor_type {};
  thread_pool();
  explicit thread_pool(unsigned long num_threads);
  ~thread_pool(); // stop(); join();
  executor_type get_executor();
  void stop();
  void join();
  void wait();
};
class io_context : public execution_context {
public:
  class executor_type {};
  io_context();
  ~io_context();
  executor_type get_executor();
  unsigned long run();
  unsigned long run_one();
  unsigned long poll();
  void stop();
};
template <class Executor> class executor_work_guard {
public:
  void reset();
};
template <class Context>
executor_work_guard<typename Context::executor_type>
make_work_guard(Context &ctx) {
  return {};
}
template <class ExecutorOrContext, class NullaryToken>
void post(ExecutorOrContext &&ctx, NullaryToken &&token) {}
template <class ExecutorOrContext, class NullaryToken>
void dispatch(ExecutorOrContext &&ctx, NullaryToken &&token) {}
template <class ExecutorOrContext, class NullaryToken>
void defer(ExecutorOrContext &&ctx, NullaryToken &&token) {}
} // namespace asio
} // namespace boost
#endif

#endif
