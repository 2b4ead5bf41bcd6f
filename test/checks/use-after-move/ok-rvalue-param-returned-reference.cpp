// Regression (real code, issue 13: abseil absl/types/variant_test.cc:1311,
// 1392, 1405): `(void)get<0>(std::move(v))` into a `get(variant&&)` whose
// visible body only returns a reference into its parameter, through calls
// that themselves only return a reference into it (abseil's CheckedAccess,
// Access, AccessUnion), moves nothing: the caller throws the reference away
// or binds it to a reference. A reduced mock of that shape.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address
#include <memory>
#include <string>
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

template <class T> constexpr T &&forward(std::remove_reference_t<T> &t) {
  return static_cast<T &&>(t);
}
template <class T> constexpr std::remove_reference_t<T> &&move(T &&t) {
  return static_cast<std::remove_reference_t<T> &&>(t);
}

// Self is deduced as Storage&: a reference into the argument comes back.
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
    return access(lib::forward<V>(self));
  }
};
inline std::unique_ptr<int> &&get(Variant &&v) {
  return CoreAccess::checkedAccess(lib::move(v));
}
inline const std::unique_ptr<int> &get(const Variant &v) {
  return v.state_.first;
}
} // namespace lib

int discarded() {
  lib::Variant v;
  v.state_.first = std::make_unique<int>(1);
  (void)lib::get(std::move(v)); // a reference, thrown away
  const lib::Variant &cv = v; // a use of v
  return *lib::get(cv);
}

int boundToReference() {
  lib::Variant v;
  v.state_.first = std::make_unique<int>(2);
  auto &&r = lib::get(std::move(v)); // an alias: not followed
  (void)r;
  const lib::Variant &cv = v; // a use of v
  return *lib::get(cv);
}

// A reference to const into the argument: copied from, or asked a const
// member; nothing can be moved through it.
struct Job {
  std::string name;
};
template <class T> const std::string &peek(T &&p) { return p.name; }
std::size_t copiedAndAsked() {
  Job j{"x"};
  std::string copy = peek(std::move(j));
  std::size_t n = peek(std::move(j)).size();
  return copy.size() + n + j.name.size();
}

#ifdef FEARLESS_RUN
void lib::badAccess() { throw 0; }
int main() {
  return discarded() + boundToReference() == 3 && copiedAndAsked() == 3 ? 0
                                                                         : 1;
}
#endif
