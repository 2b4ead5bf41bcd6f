// A helper that joins the thread it is given on one path and detaches it on
// the other leaves it not joinable either way: destroying it afterwards is
// fine.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: abort
#include <thread>
static void finish(std::thread &t, bool background) {
  if (background)
    t.detach();
  else
    t.join();
}
int main() {
  std::thread x([] {});
  finish(x, true);
  std::thread y([] {});
  finish(y, false);
}
