// The twin of channel-unique-ptr-get-sent.cpp: the pointer sent is
// release()d, so the consumer owns the image (and deletes it); the local
// unique_ptr frees nothing when it dies.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address
#include <channels/blocking-queue.h>
#include <memory>

struct Image {
  int width = 0;
};

void load_and_queue(BlockingQueue<Image *> &q, int w) {
  auto img = std::make_unique<Image>();
  img->width = w;
  q.send(img.get());
  img.release();
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
#include <thread>
int main() {
  BlockingQueue<Image *> q;
  std::thread consumer([&] {
    Image *img = q.receive();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::printf("%d\n", img->width);
    delete img;
  });
  load_and_queue(q, 640);
  consumer.join();
}
#endif
