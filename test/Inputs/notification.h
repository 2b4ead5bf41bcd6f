// A reduced absl::Notification with the real header's shape: the members
// that signal are declared here and defined in another TU (libabsl's
// notification.cc), inside Abseil's versioned inline namespace. Tests that
// run define FEARLESS_NOTIFICATION_BODIES in one TU to get the bodies.
#ifndef FEARLESS_TEST_NOTIFICATION_H
#define FEARLESS_TEST_NOTIFICATION_H
#include <atomic>
#include <condition_variable>
#include <mutex>
namespace absl {
inline namespace lts_20240722 {
class Notification {
public:
  Notification() : notified_yet_(false) {}
  Notification(const Notification &) = delete;
  Notification &operator=(const Notification &) = delete;
  bool HasBeenNotified() const {
    return notified_yet_.load(std::memory_order_acquire);
  }
  void WaitForNotification() const;
  void Notify();

private:
  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  std::atomic<bool> notified_yet_;
};
#ifdef FEARLESS_NOTIFICATION_BODIES
void Notification::WaitForNotification() const {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [this] { return notified_yet_.load(); });
}
void Notification::Notify() {
  std::lock_guard<std::mutex> lock(mutex_);
  notified_yet_.store(true, std::memory_order_release);
  cv_.notify_all();
}
#endif
} // namespace lts_20240722
} // namespace absl
#endif
