// A minimal channel for the message-passing tests (Rust's mpsc): send()
// hands its argument to another thread, so it is marked fearless::sends.
#pragma once
#include <fearless/annotations.h>
#include <utility>

template <class T> class Sender {
public:
  Sender(const Sender &);
  ~Sender();
  void send(T value FEARLESS_SENDS) const;
};

template <class T> class Receiver {
public:
  Receiver(Receiver &&);
  ~Receiver();
  T recv();
  bool try_recv(T &out);
};

template <class T> std::pair<Sender<T>, Receiver<T>> channel();
