/* A start routine passed through a pointer cast, `(void *)work` or
   `(void *(*)(void *))work` (x264's x264_pthread_create calls): the thread
   runs the function the pointer points to.
   RUN: %fearless-mock -x c -std=c11 -Xclang -verify %s
*/
#include <pthread.h>
static int counter;
static void *work(void *p) {
  counter++; /* expected-warning {{data race on 'counter'}} expected-note {{help: make 'counter' _Atomic(int)}} */
  return p;
}
struct Job { int n; };
static void run(struct Job *j) {
  counter += j->n; /* expected-warning {{data race on 'counter': this write can run at the same time as a read in another thread}} expected-note {{help: make 'counter' _Atomic(int)}} */
}
int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], 0, (void *)work, 0); /* expected-note {{the same write runs in every thread started here, at the same time}} */
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], 0);
  struct Job j = {1};
  pthread_t u;
  pthread_create(&u, 0, (void *(*)(void *))run, &j); /* expected-note {{the thread is spawned here}} */
  int seen = counter; /* expected-note {{the other read is here}} */
  pthread_join(u, 0); /* expected-note {{the spawning function joins it only here}} */
  return seen;
}
