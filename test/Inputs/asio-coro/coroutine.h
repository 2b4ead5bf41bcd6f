// A copy of the shape of Asio's stackless coroutines (asio/coroutine.hpp,
// asio-1-22-1): `reenter (c) { ... yield stmt; ... }` expands to a switch on
// the coroutine's state with a case label after each yield; each yield
// stores its line as the state and leaves the function after its statement.
#ifndef FEARLESS_TEST_ASIO_CORO_H
#define FEARLESS_TEST_ASIO_CORO_H

class coroutine {
public:
  coroutine() : value_(0) {}
  bool is_complete() const { return value_ == -1; }

private:
  friend class coroutine_ref;
  int value_;
};

class coroutine_ref {
public:
  coroutine_ref(coroutine &c) : value_(c.value_), modified_(false) {}
  ~coroutine_ref() {
    if (!modified_)
      value_ = -1;
  }
  operator int() const { return value_; }
  int &operator=(int v) {
    modified_ = true;
    return value_ = v;
  }

private:
  void operator=(const coroutine_ref &);
  int &value_;
  bool modified_;
};

#define CORO_REENTER(c)                                                        \
  switch (coroutine_ref _coro_value = c)                                       \
  case -1:                                                                     \
    if (_coro_value) {                                                         \
      goto terminate_coroutine;                                                \
    terminate_coroutine:                                                       \
      _coro_value = -1;                                                        \
      goto bail_out_of_coroutine;                                              \
    bail_out_of_coroutine:                                                     \
      break;                                                                   \
    } else /* fall-through */                                                  \
    case 0:

#define CORO_YIELD_IMPL(n)                                                     \
  for (_coro_value = (n);;)                                                    \
    if (_coro_value == 0) {                                                    \
    case (n):;                                                                 \
      break;                                                                   \
    } else                                                                     \
      switch (_coro_value ? 0 : 1)                                             \
        for (;;)                                                               \
        /* fall-through */ case -1:                                            \
          if (_coro_value)                                                     \
            goto terminate_coroutine;                                          \
          else                                                                 \
            for (;;)                                                           \
            /* fall-through */ case 1:                                         \
              if (_coro_value)                                                 \
                goto bail_out_of_coroutine;                                    \
              else /* fall-through */                                          \
              case 0:

#define reenter(c) CORO_REENTER(c)
#define yield CORO_YIELD_IMPL(__LINE__)

#endif
