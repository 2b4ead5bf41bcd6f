// The twin of ok-rvalue-param-returned-reference.cpp: the reference that
// `get(variant&&)` returns into its argument initializes a value, so the
// alternative is moved out of `v`, and reading it afterwards dereferences
// a moved-from (null) std::unique_ptr.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <memory>
#include <utility>

namespace lib {
struct Storage {
  std::unique_ptr<int> first;
};
struct Variant {
  int index_ = 0;
  Storage state_;
};
[[noreturn]] void badAccess();

template <class Self> std::unique_ptr<int> &accessUnion(Self &&self) {
  return reinterpret_cast<std::unique_ptr<int> &>(self);
}
struct CoreAccess {
  template <class V> static std::unique_ptr<int> &&access(V &&self) {
    return static_cast<std::unique_ptr<int> &&>(accessUnion(self.state_));
  }
  template <class V> static std::unique_ptr<int> &&checkedAccess(V &&self) {
    if (self.index_ != 0)
      badAccess();
    return access(std::forward<V>(self));
  }
};
inline std::unique_ptr<int> &&get(Variant &&v) {
  return CoreAccess::checkedAccess(std::move(v));
}
inline const std::unique_ptr<int> &get(const Variant &v) {
  return v.state_.first;
}
} // namespace lib

int takenOut() {
  lib::Variant v;
  v.state_.first = std::make_unique<int>(1);
  std::unique_ptr<int> taken = lib::get(std::move(v)); // expected-note {{was moved here}} expected-note {{help:}}
  const lib::Variant &cv = v; // expected-warning {{'v' used after it was moved}}
  return *taken + *lib::get(cv);
}

// A field of the argument returned as an rvalue reference, and moved from
// by the caller.
struct Box {
  std::unique_ptr<int> p;
};
inline std::unique_ptr<int> &&takeP(Box &&b) { return std::move(b.p); }
int fieldTakenOut() {
  Box b{std::make_unique<int>(2)};
  std::unique_ptr<int> q = takeP(std::move(b)); // expected-note {{was moved here}} expected-note {{help:}}
  return *q + *b.p; // expected-warning {{'b' used after it was moved}}
}

#ifdef FEARLESS_RUN
void lib::badAccess() { throw 0; }
int main(int argc, char **) { return argc > 1 ? fieldTakenOut() : takenOut(); }
#endif
