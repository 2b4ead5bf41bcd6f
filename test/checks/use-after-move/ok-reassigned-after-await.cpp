// The twin of moved-into-awaited-call.cpp: the coroutine gives 'job' a new
// value after the co_await and before it reads it again.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include "coro/task.h"
#include <memory>
#include <utility>

struct Job {
  int id = 7;
};
Task<> consume(std::unique_ptr<Job> job);

int last = 0;

Task<> runJobs() {
  auto job = std::make_unique<Job>();
  co_await consume(std::move(job));
  job = std::make_unique<Job>();
  last = job->id;
}

#ifdef FEARLESS_RUN
Task<> consume(std::unique_ptr<Job> job) { co_return; }
int main() {
  Task<> t = runJobs();
  t.start();
}
#endif
