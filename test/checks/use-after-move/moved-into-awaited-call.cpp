// Across a co_await: the job is moved into the awaited call's parameter (the
// callee's frame owns it now), and read after the coroutine resumes.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address
#include "coro/task.h"
#include <memory>
#include <utility>

struct Job {
  int id = 7;
};
Task<> consume(std::unique_ptr<Job> job);

int last = 0;

Task<> runJob() {
  auto job = std::make_unique<Job>();
  co_await consume(std::move(job)); // expected-note {{'job' of type 'unique_ptr<Job>' was moved here}} expected-note {{help:}}
  last = job->id; // expected-warning {{'job' used after it was moved [fearless-use-after-move]}} expected-note {{null}}
}

#ifdef FEARLESS_RUN
Task<> consume(std::unique_ptr<Job> job) { co_return; }
int main() {
  Task<> t = runJob();
  t.start();
}
#endif
