// A pool of elements handed out one by one through a blocking queue in a
// constructor loop: each iteration writes its own element `buf[i]`, then
// sends `&buf[i]`. The element the previous iteration sent is another one:
// `[i]` is a different element in every iteration, so the writes never
// touch an element after its hand-off (issue 13: rocksdb's
// ParallelCompressionRep in block_based_table_builder.cc).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <memory>
#include <string>
#include <vector>

struct Block {
  int kind = 0;
  std::unique_ptr<std::string> data;
};

struct Pool {
  explicit Pool(unsigned n) : buf(n) {
    for (unsigned i = 0; i < n; i++) {
      buf[i].kind = 1;
      buf[i].data.reset(new std::string());
      free.send(&buf[i]);
    }
  }
  std::vector<Block> buf;
  BlockingQueue<Block *> free;
};

void fill(BlockingQueue<long *> &q, long *slots, int n) {
  for (int i = 0; i < n; ++i) {
    slots[i] = i;
    q.send(&slots[i]);
  }
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  Pool pool(8);
  std::thread consumer([&] {
    for (int k = 0; k < 8; ++k)
      std::printf("%d\n", pool.free.receive()->kind);
  });
  long slots[8];
  BlockingQueue<long *> q;
  std::thread reader([&] {
    long total = 0;
    for (int k = 0; k < 8; ++k)
      total += *q.receive();
    std::printf("%ld\n", total);
  });
  fill(q, slots, 8);
  consumer.join();
  reader.join();
}
#endif
