// Boost.Asio coroutines against the real Debian headers (libboost-dev 1.74):
// a coroutine returning boost::asio::awaitable co_spawned onto a
// boost::asio::thread_pool is resumed on any of the pool's threads after
// each co_await (Models/Coroutines.def), so a std::lock_guard held across
// the co_await is unlocked on another thread.
// REQUIRES: boost-asio
// Boost 1.74 enables co_await for Clang only with <experimental/coroutine>;
// with libstdc++ 12 it is the standard <coroutine>, as for GCC.
// RUN: %fearless -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT=1 -Wno-deprecated-declarations -Xclang -verify %s
#include <utility> // Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <mutex>

namespace asio = boost::asio;

std::mutex m;
long total = 0;

asio::awaitable<void> tick() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer timer(ex, std::chrono::milliseconds(1));
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await timer.async_wait(asio::use_awaitable); // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  ++total;
} // expected-note {{'lock' is destroyed here, possibly on the other thread}}

asio::awaitable<void> tick_scoped() {
  auto ex = co_await asio::this_coro::executor;
  {
    std::lock_guard<std::mutex> lock(m);
    ++total;
  }
  co_await asio::post(ex, asio::use_awaitable);
}

// Not started on a pool here: where it resumes is not known.
asio::awaitable<void> tick_elsewhere() {
  auto ex = co_await asio::this_coro::executor;
  std::lock_guard<std::mutex> lock(m);
  co_await asio::post(ex, asio::use_awaitable);
}

void run() {
  asio::thread_pool pool(4);
  asio::co_spawn(pool, tick(), asio::detached); // expected-note {{'thread_pool' resumes the coroutine on one of its executor's threads}}
  asio::co_spawn(pool, tick_scoped(), asio::detached);
  pool.join();
}
