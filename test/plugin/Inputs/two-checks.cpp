#include <thread>
void use(int &);
void detached() {
  int local = 0;
  std::thread([&] { use(local); }).detach();
}
int raced() {
  int counter = 0;
  std::thread t([&] { counter += 1; });
  counter += 1;
  t.join();
  return counter;
}
