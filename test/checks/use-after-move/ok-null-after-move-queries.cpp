// The twin of null-after-move-annotation.cpp: querying a moved-from
// null_after_move object is fine.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/annotations.h>
#include <utility>

class FEARLESS_NULL_AFTER_MOVE Handle {
public:
  Handle();
  Handle(Handle &&);
  int *get() const;
  explicit operator bool() const;
};

bool queried() {
  Handle h;
  Handle g = std::move(h);
  return h.get() == nullptr && !static_cast<bool>(h); // null: fine to ask
}
