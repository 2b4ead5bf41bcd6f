// Qt 5's QThreadPool and QtConcurrent::run against the real Debian headers
// (qtbase5-dev): start(f) queues f for the pool's threads, waitForDone()
// and the destructor wait; QtConcurrent::run(f) returns a QFuture that
// waitForFinished() joins (Models/Executors.def, ThreadLibrary.def).
// REQUIRES: qt5
// RUN: %fearless %qt5-flags -std=c++17 -Xclang -verify %s
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

long count_racy() {
  long total = 0;
  QThreadPool pool;
  for (int i = 0; i < 20; ++i)
    pool.start([&] { total += 1; }); // expected-warning {{data race on 'total'}} expected-note {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}} expected-note {{help: make 'total' a std::atomic<long>}}
  pool.waitForDone();
  return total;
}

int one_task() {
  int result = 0;
  QThreadPool pool;
  pool.start([&] { result = 42; });
  pool.waitForDone();
  return result;
}

int concurrent_racy() {
  int state = 0;
  QFuture<void> done = QtConcurrent::run([&] { state = 1; }); // expected-warning {{data race on 'state'}} expected-note {{help: make 'state' a std::atomic<int>}} expected-note {{the thread is spawned here}}
  int seen = state; // expected-note {{the other read is here}}
  done.waitForFinished(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

int concurrent_waited() {
  int input = 20;
  QFuture<int> answer = QtConcurrent::run([&] { return input + 22; });
  return answer.result();
}

long global_racy() {
  long total = 0;
  for (int i = 0; i < 20; ++i)
    QThreadPool::globalInstance()->start([&] { total += 1; }); // expected-warning {{data race on 'total'}} expected-note {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}} expected-note {{help: make 'total' a std::atomic<long>}}
  QThreadPool::globalInstance()->waitForDone();
  return total;
}

int global_waited() {
  int result = 0;
  QThreadPool::globalInstance()->start([&] { result = 42; });
  QThreadPool::globalInstance()->waitForDone();
  return result;
}
