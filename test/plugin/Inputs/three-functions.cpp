#include <thread>

void use(int &);

void a() {
  int first = 0;
  std::thread t1([&] { use(first); });
  t1.detach();
}
void b() {
  int second = 0;
  std::thread t2([&] { use(second); });
  t2.detach();
}
void c() {
  int third = 0;
  std::thread t3;
  t3 = std::thread([&] { use(third); });
  t3.detach();
}
