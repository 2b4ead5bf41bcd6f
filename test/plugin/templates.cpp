// Templates are analysed per instantiation; a finding is reported once.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

template <class T> void use(T &);

template <class T> void detachWith() {
  T value{};
  std::thread([&] { use(value); }).detach(); // expected-warning {{thread may outlive 'value'}} expected-note 2 {{}}
} // expected-note {{'value' is destroyed here}}

template <class T> void neverInstantiated() {
  T value{};
  std::thread([&] { use(value); }).detach();
}

void instantiate() {
  detachWith<int>();
  detachWith<long>();
}
