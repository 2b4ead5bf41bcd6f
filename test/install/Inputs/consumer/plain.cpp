#include <thread>
void work(int &);
int main() {
  int shared = 0;
  std::thread t([&] { work(shared); });
  t.detach();
  return 0;
}
void work(int &v) { v = 1; }
