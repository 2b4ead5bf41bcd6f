// A range-for that moves every element (its reference moved in every
// iteration: into a consumer, a thread's arguments, a lambda capture),
// then the container's elements read again: another range-for reading
// them, v[i], v.front(). Neither clang-tidy's bugprone-use-after-move nor
// the Static Analyzer's cplusplus.Move sees a move through the loop's
// reference.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

void consume(std::string);
void work(std::string);
void take(std::unique_ptr<int>);
void print(const std::string &);

void loopAgain(std::vector<std::string> &names) {
  for (auto &n : names)
    consume(std::move(n)); // expected-note {{each element of 'names', of type 'std::string', was moved here by the loop over it}} expected-note {{help: read the elements before the loop that moves them, or clear 'names' or give its elements new values before reading them again}}
  for (const auto &n : names) // expected-warning {{elements of 'names' used after they were moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
    print(n);
}

void intoThreads(std::vector<std::string> &jobs) {
  std::vector<std::thread> threads;
  for (auto &j : jobs)
    threads.emplace_back(work, std::move(j)); // expected-note {{each element of 'jobs', of type 'std::string', was moved into the thread spawned here by the loop over it}} expected-note {{help: read the elements}}
  print(jobs.front()); // expected-warning {{elements of 'jobs' used after they were moved}} expected-note {{valid but unspecified}}
  for (auto &t : threads)
    t.join();
}

void intoCaptures(std::vector<std::string> &jobs) {
  std::vector<std::thread> threads;
  for (auto &j : jobs) {
    threads.emplace_back([j = std::move(j)] { work(j); }); // expected-note {{each element of 'jobs', of type 'std::string', was moved into the thread spawned here by the loop over it}} expected-note {{help: read the elements}}
  }
  for (auto &t : threads)
    t.join();
  print(jobs[0]); // expected-warning {{elements of 'jobs' used after they were moved}} expected-note {{valid but unspecified}}
}

int pointers(std::vector<std::unique_ptr<int>> &ps) {
  for (auto &p : ps)
    take(std::move(p)); // expected-note {{each element of 'ps', of type 'std::unique_ptr<int>', was moved here by the loop over it}} expected-note {{help: read the elements}}
  int sum = 0;
  for (auto &p : ps) // expected-warning {{elements of 'ps' used after they were moved}}
    sum += *p;
  return sum;
}

struct Batch {
  std::vector<std::string> items_;
  void flush() {
    for (auto &item : items_) {
      consume(std::move(item)); // expected-note {{each element of 'items_', of type 'std::string', was moved here by the loop over it}} expected-note {{help: read the elements}}
    }
    print(items_.back()); // expected-warning {{elements of 'items_' used after they were moved}} expected-note {{valid but unspecified}}
  }
};

#ifdef FEARLESS_RUN
void take(std::unique_ptr<int>) {}
void consume(std::string) {}
void work(std::string) {}
void print(const std::string &) {}
int main() {
  std::vector<std::unique_ptr<int>> ps;
  ps.push_back(std::make_unique<int>(1));
  return pointers(ps);
}
#endif
