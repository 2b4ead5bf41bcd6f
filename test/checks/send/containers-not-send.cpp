// Containers and wrappers follow their elements: arrays, optional, vector,
// unique_ptr.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

struct FEARLESS_NOT_SEND Handle { // expected-note 4 {{'Handle' is marked fearless::not_send here}}
  int fd;
};

void start() {
  Handle array[2];
  std::optional<Handle> maybe;
  std::vector<Handle> many;
  std::unique_ptr<Handle> owned;
  std::thread t1([array] { (void)array; }); // expected-warning {{'array' is sent to another thread, but its type 'Handle[2]' is not Send}} expected-note {{spawned here}} expected-note {{'Handle[2]' is not Send because its elements of type 'Handle' are not}}
  std::thread t2([maybe] { (void)maybe; }); // expected-warning {{'maybe' is sent to another thread, but its type 'std::optional<Handle>' is not Send}} expected-note {{spawned here}} expected-note {{'std::optional<Handle>' is Send only when 'Handle' is}}
  std::thread t3([many] { (void)many; }); // expected-warning {{'many' is sent}} expected-note {{spawned here}} expected-note {{'std::vector<Handle>' is Send only when 'Handle' is}}
  std::thread t4([owned = std::move(owned)] { (void)owned; }); // expected-warning {{'owned' is sent}} expected-note {{spawned here}} expected-note {{'std::unique_ptr<Handle>' is Send only when 'Handle' is}}
  t1.join();
  t2.join();
  t3.join();
  t4.join();
}
