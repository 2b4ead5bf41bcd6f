// Spawns written through macros are analysed; no fix-it inside a macro.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int &);
#define RUN_DETACHED(body) std::thread([&] { body; }).detach()

void viaMacro() {
  int local = 0;
  RUN_DETACHED(use(local)); // expected-warning {{thread may outlive 'local'}} expected-note 2 {{}}
} // expected-note {{'local' is destroyed here}}
