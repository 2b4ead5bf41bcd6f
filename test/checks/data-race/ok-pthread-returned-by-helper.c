/* The correct twin of pthread-returned-by-helper.c: the caller joins the
   first thread the helper returned before it starts the second, and reads
   the counter after both joins.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
static int counter;
static void *work(void *p) {
  counter++;
  return p;
}
static pthread_t xcreate(void) {
  pthread_t t;
  pthread_create(&t, 0, work, 0);
  return t;
}
int main(void) {
  pthread_t a = xcreate();
  pthread_join(a, 0);
  pthread_t b = xcreate();
  pthread_join(b, 0);
  return counter;
}
