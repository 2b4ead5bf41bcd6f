// A class marked null_after_move (clang-tidy's spelling or fearless::'s) is
// null after a move, like std::unique_ptr: get(), operator bool and
// comparisons ask for that state; only a dereference is a use. A misspelled
// annotation (not the three strings clang-tidy looks for) changes nothing.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <utility>

template <class T>
class [[clang::annotate("clang-tidy", "bugprone-use-after-move",
                        "null_after_move")]] TidyPtr {
public:
  TidyPtr();
  TidyPtr(TidyPtr &&);
  T *get() const;
  explicit operator bool() const;
  T &operator*() const;
};

class FEARLESS_NULL_AFTER_MOVE Handle {
public:
  Handle();
  Handle(Handle &&);
  int *get() const;
  int &operator*() const;
  int *operator->() const;
};

int tidyAnnotated() {
  TidyPtr<int> p;
  TidyPtr<int> q = std::move(p); // expected-note {{'p' of type 'TidyPtr<int>' was moved here}} expected-note {{help: move 'p'}}
  if (p.get() || static_cast<bool>(p))
    return 0;
  return *p; // expected-warning {{'p' used after it was moved}} expected-note {{a moved-from 'TidyPtr<int>' is null: dereferencing it is undefined behaviour}}
}

int fearlessAnnotated() {
  Handle h;
  Handle g = std::move(h); // expected-note {{'h' of type 'Handle' was moved here}} expected-note {{help: move 'h'}}
  if (h.get() == nullptr)
    return *h; // expected-warning {{'h' used after it was moved}} expected-note {{a moved-from 'Handle' is null}}
  return 0;
}

class [[clang::annotate("clang-tidy", "null_after_move")]] Misspelled {
public:
  Misspelled();
  Misspelled(Misspelled &&);
  int *get() const;
};

int *misspelled() {
  Misspelled m;
  Misspelled n = std::move(m); // expected-note {{'m' of type 'Misspelled' was moved here}} expected-note {{help: move 'm'}}
  return m.get(); // expected-warning {{'m' used after it was moved}}
}
