// A small stand-in for Qt 5's QThreadPool, QFuture and QtConcurrent::run
// (QtCore/qthreadpool.h, qfuture.h, QtConcurrent/qtconcurrentrun.h): the
// same names and shapes, empty bodies for the templates. The tests' programs (FEARLESS_RUN,
// bench/confirm) use the real headers instead.
#pragma GCC system_header
#ifndef FEARLESS_TEST_QT_H
#define FEARLESS_TEST_QT_H

#ifdef FEARLESS_RUN
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#else
#include <functional>
class QThreadPool {
public:
  QThreadPool();
  ~QThreadPool(); // blocks until all runnables have completed
  static QThreadPool *globalInstance();
  void start(std::function<void()> functionToRun, int priority = 0);
  bool tryStart(std::function<void()> functionToRun);
  void setMaxThreadCount(int maxThreadCount);
  bool waitForDone(int msecs = -1);
};
template <class T> class QFuture {
public:
  void waitForFinished();
  T result() const;
};
template <> class QFuture<void> {
public:
  void waitForFinished();
};
namespace QtConcurrent {
template <class Functor>
auto run(Functor functor) -> QFuture<decltype(functor())> {
  return {};
}
} // namespace QtConcurrent
#endif

#endif
