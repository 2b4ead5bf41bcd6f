// With SubObjectMoves=true, an array element (a constant index, or an
// index variable the function never writes) and a pointee moved and then
// used are reported (cplusplus.Move with WarnOn=All).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-SubObjectMoves=true
// CONFIRM: address
#include <memory>
#include <string>
#include <utility>
#include <vector>

void sink(std::string);
void take(std::unique_ptr<int>);

int arrayElement() {
  std::unique_ptr<int> a[2];
  a[0] = std::make_unique<int>(1);
  take(std::move(a[0])); // expected-note {{'a[0]' of type 'std::unique_ptr<int>' was moved here}} expected-note {{help: move 'a[0]' only after its last use}}
  return *a[0]; // expected-warning {{'a[0]' used after it was moved}} expected-note {{is null}}
}

std::size_t vectorElement(std::vector<std::string> &v, int i) {
  sink(std::move(v[i])); // expected-note {{'v[i]' of type 'std::string' was moved here}} expected-note {{help: copy 'v[i]' instead}}
  return v[i].size(); // expected-warning {{'v[i]' used after it was moved}} expected-note {{valid but unspecified}}
}

std::size_t pointee(std::string *p) {
  sink(std::move(*p)); // expected-note {{'*p' of type 'std::string' was moved here}} expected-note {{help: copy '*p' instead}}
  return p->size(); // expected-warning {{'*p' used after it was moved}} expected-note {{valid but unspecified}}
}

std::size_t smartPointee(std::unique_ptr<std::string> &u) {
  sink(std::move(*u)); // expected-note {{'*u' of type 'std::string' was moved here}} expected-note {{help: copy '*u' instead}}
  return (*u).size(); // expected-warning {{'*u' used after it was moved}} expected-note {{valid but unspecified}}
}

#ifdef FEARLESS_RUN
void take(std::unique_ptr<int>) {}
void sink(std::string) {}
int main() { return arrayElement(); }
#endif
