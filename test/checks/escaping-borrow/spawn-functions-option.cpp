// SpawnFunctions marks library functions that cannot be annotated.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SpawnFunctions='legacy::post;other::fn'
namespace legacy {
template <class F> void post(F task) {}
}

void log(int);

void postBorrowing() {
  int id = 1;
  legacy::post([&] { log(id); }); // expected-warning {{thread may outlive 'id'}} expected-note {{captured by reference here}} expected-note {{runs the callable on another thread without waiting}} expected-note {{capture 'id' by copy}}
} // expected-note {{'id' is destroyed here}}
