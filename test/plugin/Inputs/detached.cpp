#include <thread>
void use(int &);
void detached() {
  int local = 0;
  std::thread([&] { use(local); }).detach();
}
