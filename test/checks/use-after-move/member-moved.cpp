// A member moved in a member function and used later in the same function.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

void sink(std::string);

class Buffer {
  std::string data_;

public:
  unsigned long flush() {
    sink(std::move(data_)); // expected-note {{'data_' of type 'std::string' was moved here}} expected-note {{copy 'data_' instead}}
    return data_.size(); // expected-warning {{'data_' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  }
  void flushAndReset() {
    sink(std::move(data_));
    data_.clear();
    data_ += "new";
  }
};
