// With SubObjectMoves=true, a part of a local moved and then used is
// reported: a field of a local (`s.v`), a field through a pointer
// (`p->v`), nested fields (`o.in.v`) — the Static Analyzer's cplusplus.Move
// with WarnOn=All; clang-tidy's bugprone-use-after-move ignores them.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SubObjectMoves=true
// CONFIRM: address
#include <memory>
#include <string>
#include <utility>

struct Job {
  std::string name;
  std::unique_ptr<int> payload;
};
struct Outer {
  Job in;
};
void sink(std::string);
void take(std::unique_ptr<int>);

std::size_t field() {
  Job j{"a", nullptr};
  sink(std::move(j.name)); // expected-note {{'j.name' of type 'std::string' was moved here}} expected-note {{help: copy 'j.name' instead of moving it if it is still needed}}
  return j.name.size(); // expected-warning {{'j.name' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}

int throughPointer(Job *p) {
  take(std::move(p->payload)); // expected-note {{'p->payload' of type 'std::unique_ptr<int>' was moved here}} expected-note {{help: move 'p->payload' only after its last use}}
  return *p->payload; // expected-warning {{'p->payload' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<int>' is null}}
}

int nested() {
  Outer o;
  o.in.payload = std::make_unique<int>(1);
  take(std::move(o.in.payload)); // expected-note {{'o.in.payload' of type 'std::unique_ptr<int>' was moved here}} expected-note {{help: move 'o.in.payload' only}}
  return *o.in.payload; // expected-warning {{'o.in.payload' used after it was moved}} expected-note {{is null}}
}

struct Holder {
  Job job_;
  std::size_t handOff() {
    sink(std::move(job_.name)); // expected-note {{'job_.name' of type 'std::string' was moved here}} expected-note {{help: copy 'job_.name' instead}}
    return job_.name.size(); // expected-warning {{'job_.name' used after it was moved}} expected-note {{valid but unspecified}}
  }
};

template <class T> std::size_t generic(T &t) {
  sink(std::move(t.name)); // expected-note {{'t.name' of type 'std::string' was moved here}} expected-note {{help: copy 't.name' instead}}
  return t.name.size(); // expected-warning {{'t.name' used after it was moved}} expected-note {{valid but unspecified}}
}
template std::size_t generic<Job>(Job &); // expected-note {{in instantiation of 'generic<Job>' requested here}}

#ifdef FEARLESS_RUN
void take(std::unique_ptr<int> p) {}
void sink(std::string) {}
int main() {
  Job j{"a", std::make_unique<int>(1)};
  return throughPointer(&j);
}
#endif
