#include <thread>
void work(int &);
void both(bool fail) {
  int local = 0;
  std::thread([&] { work(local); }).detach(); // escaping-borrow: not selected
  std::thread t([] {});
  if (fail)
    return; // unjoined-thread: selected
  t.join();
}
