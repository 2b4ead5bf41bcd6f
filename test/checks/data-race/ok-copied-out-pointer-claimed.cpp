// issue 13: onetbb (src/tbbmalloc/frontend.cpp:1888, 1893,
// StartupBlock::allocate): under the lock `result = block->bumpPtr;
// block->bumpPtr += size;`, then after the unlock `*(size_t *)result = size`.
// The copy is taken and the cell it came from overwritten in one block:
// each thread claims the chunk it read (like a slot claimed by fetch_add),
// and after the overwrite the local no longer names what the cell points
// to.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics

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
    block.bumpPtr = result + size + sizeof(unsigned long);
  }
  *reinterpret_cast<unsigned long *>(result) = size; // this thread's chunk
  return result + sizeof(unsigned long);
}

void *allocateInit(unsigned long size) {
  std::lock_guard<std::mutex> g(blockLock);
  char *result = block.bumpPtr;
  block.bumpPtr += size;
  result[0] = 1; // after the overwrite: the claimed chunk
  return result;
}

void worker() {
  for (int i = 0; i < 100; ++i) {
    allocate(16);
    allocateInit(8);
  }
}

void run() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
