// The raw pointer of a local std::unique_ptr sent through an unannotated
// blocking queue: the unique_ptr frees the image when the function returns,
// while the consumer thread may still read it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <channels/blocking-queue.h>
#include <memory>

struct Image {
  int width = 0;
};

void load_and_queue(BlockingQueue<Image *> &q, int w) {
  auto img = std::make_unique<Image>();
  img->width = w;
  q.send(img.get()); // expected-warning {{thread may outlive 'img', which it borrows}} expected-note {{a pointer to what 'img' owns is passed to the thread here}} expected-note {{'send' sends it to the thread that takes it out, and nothing here waits for that thread}}
} // expected-note {{'img' is destroyed here}}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}

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
  });
  load_and_queue(q, 640);
  consumer.join();
}
#endif
