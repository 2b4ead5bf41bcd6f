// A small multi-producer, single-consumer channel (Rust's std::sync::mpsc)
// for the examples. send() hands its argument to another thread, so it is
// marked FEARLESS_SENDS: the value is gone after the call.
#pragma once
#include <condition_variable>
#include <deque>
#include <fearless/annotations.h>
#include <memory>
#include <mutex>
#include <utility>

template <class T> class Channel {
  struct State {
    std::mutex m;
    std::condition_variable ready;
    std::deque<T> queue;
  };
  std::shared_ptr<State> state_ = std::make_shared<State>();

public:
  void send(T value FEARLESS_SENDS) const {
    {
      std::lock_guard<std::mutex> lock(state_->m);
      state_->queue.push_back(std::move(value));
    }
    state_->ready.notify_one();
  }
  T recv() const {
    std::unique_lock<std::mutex> lock(state_->m);
    state_->ready.wait(lock, [&] { return !state_->queue.empty(); });
    T value = std::move(state_->queue.front());
    state_->queue.pop_front();
    return value;
  }
};
