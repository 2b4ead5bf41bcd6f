// A small stand-in for Qt 5's QMutex, QMutexLocker, QThread, QThreadPool,
// QFuture and
// QtConcurrent::run (QtCore/qthread.h, qthreadpool.h, qfuture.h,
// QtConcurrent/qtconcurrentrun.h): the
// same names and shapes, empty bodies for the templates. The tests' programs (FEARLESS_RUN,
// bench/confirm) use the real headers instead.
#pragma GCC system_header
#ifndef FEARLESS_TEST_QT_H
#define FEARLESS_TEST_QT_H

#ifdef FEARLESS_RUN
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#else
#include <functional>
class QObject {
public:
  virtual ~QObject();
  void deleteLater();
};
class QMutex {
public:
  void lock();
  void unlock();
};
class QMutexLocker {
public:
  explicit QMutexLocker(QMutex *m);
  ~QMutexLocker();
  void unlock();
  void relock();
};
class QThread : public QObject {
public:
  QThread();
  ~QThread(); // does not wait: destroying a running QThread aborts
  // Qt 5.15 (C++17): a new thread object that runs f(args...) once start()
  // is called; the body is an std::async(std::launch::deferred, ...) that
  // run() forces.
  template <typename Function, typename... Args>
  static QThread *create(Function &&f, Args &&...args);
  void start();
  bool wait(unsigned long time = ~0UL);
  bool isRunning() const;
  void quit();

protected:
  virtual void run();
};
template <typename Function, typename... Args>
QThread *QThread::create(Function &&, Args &&...) {
  return nullptr;
}
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
