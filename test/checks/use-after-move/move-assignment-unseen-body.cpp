// A move assignment operator moves by definition, also when its body is in
// another translation unit (ccache's test_Args.cpp checks args1's state
// after `args2 = std::move(args1)`): unlike another T&& callee whose body
// is not visible (ok-rvalue-param-unseen-body.cpp), it is a move.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <cstddef>
#include <utility>

class Args {
public:
  Args();
  Args(Args &&other) noexcept;            // defined in another file
  Args &operator=(Args &&other) noexcept; // defined in another file
  std::size_t size() const;
};

std::size_t assignAway() {
  Args args1, args2;
  args2 = std::move(args1); // expected-note {{'args1' of type 'Args' was moved here}} expected-note {{help: move 'args1' only after its last use, or assign it a new value before using it again}}
  return args1.size(); // expected-warning {{'args1' used after it was moved}}
}
