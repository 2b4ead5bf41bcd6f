// EXPECT: none
// FOUND IN: abseil absl/types/internal/variant.h:593 (InitFromVisitor<Variant, Variant&&>{&self, std::forward<Variant>(other)}, other.index())
// VERDICT: FP: std::move(other) initializes a reference member of an aggregate: nothing is moved before run() runs
#include <string>
#include <utility>
template <class T> struct Init {
  std::string *self;
  T &&right;
};
int indexOf(const std::string &);
template <class Visitor> void run(Visitor &&, int);
void assign(std::string &self, std::string &&other) {
  run(Init<std::string>{&self, std::move(other)}, indexOf(other));
}
