// Values that are Send, an annotated override, and non-Send values that do
// not cross threads.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/annotations.h>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

struct FEARLESS_NOT_SEND Handle {};
struct FEARLESS_SEND Wrapper {
  Handle inner; // the annotation overrides the derived verdict
};
struct Plain {
  int a;
  double b;
  std::string name;
  std::vector<int> data;
  std::unique_ptr<int> owned;
};

void use(const Plain &);

void sendValues() {
  Plain p;
  Wrapper w;
  std::thread t1([p = std::move(p)] { use(p); });
  std::thread t2([w] { (void)w; });
  t1.join();
  t2.join();
}

void notCrossing() {
  Handle h;
  (void)h;
  std::thread t([] {});
  t.join();
}
