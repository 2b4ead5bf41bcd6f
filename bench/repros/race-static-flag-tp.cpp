// EXPECT: fearless-data-race
// FOUND IN: onetbb test/tbbmalloc/test_malloc_compliance.cpp:900 (CMemTest::firstTime)
// VERDICT: TP: a static flag read and written by every thread without synchronization
#include <thread>
static bool firstTime = true;
bool shouldReport() {
  if (firstTime) { firstTime = false; return true; } // read and write from every thread
  return false;
}
void run() {
  std::thread a(shouldReport), b(shouldReport);
  a.join(); b.join();
}
