// The twin of ok-copied-out-pointer-claimed.cpp: the pointer is copied out
// under the lock but the cell is not advanced, so every thread gets the
// same chunk and writes it after the unlock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s

#include <mutex>
#include <thread>

struct Block {
  char *bumpPtr;
  int allocated = 0;
};

static char arena[1 << 16];
static Block block{arena};
static std::mutex blockLock;

void *allocate(unsigned long size) {
  char *result;
  {
    std::lock_guard<std::mutex> g(blockLock);
    result = block.bumpPtr;
    block.allocated++;
  }
  *reinterpret_cast<unsigned long *>(result) = size; // expected-warning {{data race on '*block.bumpPtr'}} expected-note {{the other thread runs this same write}} expected-note {{help:}}
  return result + sizeof(unsigned long);
}

void worker() {
  for (int i = 0; i < 100; ++i)
    allocate(16); // expected-note 2 {{reached through this call}}
}

void run() {
  std::thread a(worker), b(worker); // expected-note {{one thread is spawned here}} expected-note {{the other thread is spawned here}}
  a.join();
  b.join();
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
