// Regression (pbzip2's main): one status variable, initialized, holds the
// results of several pthread_create calls; each is tested right after it
// is assigned, and the failure branch of the second has no second thread
// (the first is joined there, and both on the way out).
// RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
// expected-no-diagnostics
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
  ret = pthread_create(&w, 0, writer, name);
  if (ret != 0) {
    pthread_join(r, 0);
    return 1;
  }
  pthread_join(w, 0);
  pthread_join(r, 0);
  return 0;
}

#ifdef FEARLESS_RUN
#include <stdio.h>
#include <unistd.h>
void *reader(void *arg) {
  usleep(10000);
  return (void *)(long)*(int *)arg;
}
void *writer(void *arg) {
  usleep(10000);
  puts((const char *)arg);
  return 0;
}
int main(void) { return run(); }
#endif
