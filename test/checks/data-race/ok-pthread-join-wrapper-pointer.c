/* Join wrappers given the handle's address (libuv's uv_thread_join(&t)
   calling pthread_join(*tid, 0)) or an array of handles (joining tids[i]
   for each i) join the caller's threads at the call.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
   expected-no-diagnostics
*/
#include <pthread.h>
static int counter;
static void *work(void *p) {
  counter++;
  return p;
}
static int result;
static void *answer(void *p) {
  result = 42;
  return p;
}
static void *idle(void *p) { return p; }
static int thread_join(pthread_t *tid) { return pthread_join(*tid, 0); }
static void join_all(pthread_t *tids, int n) {
  for (int i = 0; i < n; i++)
    pthread_join(tids[i], 0);
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, work, 0);
  thread_join(&t);
  int seen = counter;
  pthread_t tids[2];
  pthread_create(&tids[0], 0, answer, 0);
  pthread_create(&tids[1], 0, idle, 0);
  join_all(tids, 2);
  return seen + result;
}
