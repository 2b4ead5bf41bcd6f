// An API-shaped stand-in for folly/Synchronized.h (folly is not in Debian):
// the members fearless models (Models/SyncValues.def) with folly's
// signatures, implemented over std::shared_mutex so that test programs run.
// As in folly, the locking members are declared in a base class and
// withWLock/withRLock return `auto` (a copy of what the callable returns,
// unless it returns a pointer, an iterator or a view).
#pragma once
#include <mutex>
#include <shared_mutex>
#include <utility>

namespace folly {

template <class T, class Lock> class LockedPtr {
public:
  LockedPtr(T *value, std::shared_mutex &m) : value_(value), lock_(m) {}
  LockedPtr(LockedPtr &&) = default;
  LockedPtr &operator=(LockedPtr &&) = default;
  T *operator->() const { return value_; }
  T &operator*() const { return *value_; }
  void unlock() { lock_.unlock(); }
  /// Releases the lock until the returned object is destroyed, which takes
  /// it again (folly's LockedPtr::scopedUnlock()).
  class ScopedUnlocker {
  public:
    explicit ScopedUnlocker(Lock &l) : lock_(&l) { lock_->unlock(); }
    ScopedUnlocker(ScopedUnlocker &&o) noexcept : lock_(o.lock_) {
      o.lock_ = nullptr;
    }
    ~ScopedUnlocker() {
      if (lock_)
        lock_->lock();
    }

  private:
    Lock *lock_;
  };
  ScopedUnlocker scopedUnlock() { return ScopedUnlocker(lock_); }

private:
  T *value_;
  Lock lock_;
};

template <class Subclass, class T> class SynchronizedBase {
public:
  using WLockedPtr = LockedPtr<T, std::unique_lock<std::shared_mutex>>;
  using RLockedPtr = LockedPtr<const T, std::shared_lock<std::shared_mutex>>;

  WLockedPtr wlock() { return WLockedPtr(&self().datum_, self().mutex_); }
  RLockedPtr rlock() const {
    return RLockedPtr(&self().datum_, self().mutex_);
  }
  WLockedPtr ulock() { return wlock(); }
  WLockedPtr lock() { return wlock(); }
  RLockedPtr lock() const { return rlock(); }

  template <class Function> auto withWLock(Function &&function) {
    return function(*wlock());
  }
  template <class Function> auto withRLock(Function &&function) const {
    return function(*rlock());
  }
  template <class Function> auto withLock(Function &&function) {
    return function(*lock());
  }

private:
  Subclass &self() { return static_cast<Subclass &>(*this); }
  const Subclass &self() const { return static_cast<const Subclass &>(*this); }
};

template <class T>
struct Synchronized : SynchronizedBase<Synchronized<T>, T> {
  Synchronized() = default;
  explicit Synchronized(T value) : datum_(std::move(value)) {}
  T copy() const { return *this->rlock(); }

private:
  friend class SynchronizedBase<Synchronized<T>, T>;
  T datum_{};
  mutable std::shared_mutex mutex_;
};

} // namespace folly
