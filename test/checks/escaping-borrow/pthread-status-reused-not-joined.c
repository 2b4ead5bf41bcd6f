// The twin of ok-pthread-status-reused.c: the second thread is tested for
// failure with the reused status variable, but on success it is never
// joined, and the array it was given dies when the function returns.
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#define _DEFAULT_SOURCE /* usleep, when run */
#include <pthread.h>

void *reader(void *arg);
void *writer(void *arg);

int run(void) {
  int ret = 0;
  char name[16] = "out";
  int count = 0;
  pthread_t r, w;
  ret = pthread_create(&r, 0, reader, &count);
  if (ret != 0)
    return 1;
  ret = pthread_create(&w, 0, writer, name); // expected-warning {{thread may outlive 'name', which it borrows}} expected-note {{the address of 'name' is passed to the thread here}}
  if (ret != 0) {
    pthread_join(r, 0);
    return 1;
  }
  pthread_join(r, 0);
  return 0; // expected-note {{the thread is not joined when this path is taken}} expected-note {{'name' is destroyed here}}
}

#ifdef FEARLESS_RUN
#include <stdio.h>
#include <unistd.h>
void *reader(void *arg) { return (void *)(long)*(int *)arg; }
void *writer(void *arg) {
  usleep(20000);
  puts((const char *)arg);
  return 0;
}
int main(void) {
  run();
  usleep(50000);
  return 0;
}
#endif
