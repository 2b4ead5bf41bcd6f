// ReinitializationFunctions (clang-tidy's option of the same name): a listed
// member function gives the object it is called on a known state again, a
// listed free function its first argument. Without the option, the same
// calls are uses (the second RUN line).
// RUN: %fearless-mock -std=c++17 -Xclang -verify=listed %s \
// RUN:   -fplugin-arg-fearless-ReinitializationFunctions='Buffer::rewind;refill'
// RUN: %fearless-mock -std=c++17 -Xclang -verify=default %s
#include <utility>
struct Buffer {
  Buffer();
  Buffer(Buffer &&);
  void rewind();
  int read() const;
};
void sink(Buffer);
void refill(const Buffer &);

int member() {
  Buffer b;
  sink(std::move(b)); // default-note {{'b' of type 'Buffer' was moved here}} default-note {{help: move 'b'}}
  b.rewind(); // default-warning {{'b' used after it was moved}}
  return b.read();
}

int freeFunction() {
  Buffer b;
  sink(std::move(b)); // default-note {{'b' of type 'Buffer' was moved here}} default-note {{help: move 'b'}}
  refill(b); // default-warning {{'b' used after it was moved}}
  return b.read();
}
// listed-no-diagnostics
