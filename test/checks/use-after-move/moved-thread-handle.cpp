// A moved-from std::thread owns no thread: join() throws.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <utility>

void work();

void handOff() {
  std::thread t(work);
  std::thread owner = std::move(t); // expected-note {{'t' of type 'std::thread' was moved here}} expected-note {{help: move 't' only after its last use, or assign it a new value before using it again}}
  if (t.joinable()) // asking is fine, and proves t owns a thread
    t.join();
  t.join(); // expected-warning {{'t' used after it was moved}} expected-note {{a moved-from 'std::thread' owns no thread: join() and detach() throw}}
  owner.join();
}
